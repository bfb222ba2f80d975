#include "KernelTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace dpex {

static bool hasAnnotation(const FunctionDecl *FD, llvm::StringRef Name) {
  // An explicit instantiation carries the attribute of its template.
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  for (const auto *A : FD->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == Name)
      return true;
  return false;
}

bool isKernel(const FunctionDecl *FD) {
  return hasAnnotation(FD, "dpex.kernel");
}

bool isDeviceFunction(const FunctionDecl *FD) {
  return hasAnnotation(FD, "dpex.device_func");
}

// The specialisation behind `T` if it is dpex::<Name><...>.
static const ClassTemplateSpecializationDecl *
asDpexTemplate(QualType T, llvm::StringRef Name) {
  const auto *Spec = llvm::dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getName() != Name)
    return nullptr;
  const auto *NS = llvm::dyn_cast<NamespaceDecl>(Spec->getDeclContext());
  if (!NS || NS->getName() != "dpex" ||
      !NS->getDeclContext()->isTranslationUnit())
    return nullptr;
  return Spec;
}

std::optional<IndexType> asIndexType(QualType T) {
  for (auto [Name, ND] : {std::pair{"item", false}, std::pair{"nd_item", true}})
    if (const auto *Spec = asDpexTemplate(T, Name)) {
      const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
      if (Arg.getKind() != TemplateArgument::Integral)
        return std::nullopt;
      return IndexType{
          ND, static_cast<unsigned>(Arg.getAsIntegral().getZExtValue())};
    }
  return std::nullopt;
}

std::optional<QualType> asLocalAccessor(QualType T) {
  if (const auto *Spec = asDpexTemplate(T, "local_accessor"))
    return Spec->getTemplateArgs()[0].getAsType();
  return std::nullopt;
}

// Whether the generated stub can name `T`, an enum or a pointer's or local
// accessor's element: a struct or enum of the kernel source must be one it
// can re-declare. By-value structs are the restriction checker's, which
// says so in its own words.
static bool stubCanName(QualType T, std::string &Why) {
  const TagDecl *Tag = namedTag(T);
  if (!Tag)
    return true;
  std::optional<std::string> Problem = redeclarationProblem(Tag);
  if (Problem)
    Why = "the generated stub cannot re-declare a type of the kernel source "
          "where " +
          *Problem + "; define it in a header, which the stub includes";
  return !Problem;
}

std::optional<ParamKind> classifyParam(QualType T, const ASTContext &Ctx,
                                       std::string &Why) {
  T = T.getCanonicalType();
  if (asIndexType(T))
    return ParamKind::Index;
  if (auto Element = asLocalAccessor(T))
    return stubCanName(*Element, Why) ? std::optional(ParamKind::LocalAccessor)
                                      : std::nullopt;
  if (T->isReferenceType()) {
    Why = "references cannot be kernel parameters; pass a pointer or a value";
    return std::nullopt;
  }
  if (T->isBooleanType())
    return ParamKind::Boolean;
  if (T->isArithmeticType())
    return ParamKind::Scalar;
  if (T->isEnumeralType())
    return stubCanName(T, Why) ? std::optional(ParamKind::Scalar)
                               : std::nullopt;
  if (const auto *PT = T->getAs<PointerType>()) {
    QualType Pointee = PT->getPointeeType().getCanonicalType();
    if (Pointee->isPointerType()) {
      Why = "pointers to pointers cannot be kernel parameters";
      return std::nullopt;
    }
    if (Pointee->isFunctionType()) {
      Why = "function pointers cannot be kernel parameters";
      return std::nullopt;
    }
    if (Pointee->isVoidType() || Pointee->isIncompleteType()) {
      Why =
          "a kernel pointer parameter must point to a complete, non-void type";
      return std::nullopt;
    }
    return stubCanName(Pointee, Why) ? std::optional(ParamKind::GlobalPointer)
                                     : std::nullopt;
  }
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
    if (RD->isPolymorphic()) {
      Why = "classes with virtual functions cannot be kernel parameters";
      return std::nullopt;
    }
    if (!T.isTriviallyCopyableType(Ctx)) {
      Why = "structs passed to a kernel must be trivially copyable";
      return std::nullopt;
    }
    if (RD->isUnion() || RD->isLambda()) {
      Why = "unions and lambdas cannot be kernel parameters";
      return std::nullopt;
    }
    return ParamKind::ByValue;
  }
  Why = "this type cannot be a kernel parameter";
  return std::nullopt;
}

bool definedInMainFile(const Decl *D) {
  const SourceManager &SM = D->getASTContext().getSourceManager();
  return SM.isInMainFile(SM.getExpansionLoc(D->getLocation()));
}

const TagDecl *namedTag(QualType T) {
  T = T.getCanonicalType();
  while (true) {
    if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
      T = AT->getElementType().getCanonicalType();
    else if (const auto *PT = T->getAs<PointerType>())
      T = PT->getPointeeType().getCanonicalType();
    else
      break;
  }
  return T->getAsTagDecl();
}

std::optional<std::string> redeclarationProblem(const TagDecl *Tag) {
  if (const TagDecl *Definition = Tag->getDefinition())
    Tag = Definition;
  if (!definedInMainFile(Tag))
    return std::nullopt;
  const std::string Name = "'" + Tag->getNameAsString() + "'";
  if (Tag->getName().empty())
    return std::string("it has no name");
  for (const DeclContext *DC = Tag->getDeclContext(); !DC->isTranslationUnit();
       DC = DC->getParent()) {
    const auto *NS = llvm::dyn_cast<NamespaceDecl>(DC);
    if (!NS)
      return Name + " is declared inside a function or class";
    if (NS->isAnonymousNamespace() || NS->isInline())
      return Name + " is in an anonymous or inline namespace";
  }
  const auto *RD = llvm::dyn_cast<RecordDecl>(Tag);
  if (!RD)
    return std::nullopt; // an enum: its underlying type and enumerators
  if (llvm::isa<ClassTemplateSpecializationDecl>(RD))
    return Name + " is a template specialisation";
  if (const auto *CRD = llvm::dyn_cast<CXXRecordDecl>(RD);
      CRD && CRD->getNumBases())
    return Name + " has base classes";
  if (RD->hasAttr<PackedAttr>() || RD->hasAttr<MaxFieldAlignmentAttr>())
    return Name + " is packed";
  for (const FieldDecl *F : RD->fields()) {
    if (F->getName().empty())
      return Name + " has an unnamed member";
    QualType T = F->getType().getCanonicalType();
    if (T->isReferenceType() || T->isMemberPointerType() ||
        T->isFunctionPointerType())
      return Name + "'s member '" + F->getNameAsString() +
             "' has a type the stub cannot declare";
    const TagDecl *Tag = namedTag(T);
    if (!Tag || !definedInMainFile(Tag))
      continue;
    // By value (or in an array), a struct or enum of the kernel source is
    // re-declared in turn.
    if (F->getASTContext().getBaseElementType(T)->getAsTagDecl() != Tag)
      return Name + "'s member '" + F->getNameAsString() +
             "' is a pointer to a type defined in the kernel source";
    if (auto Problem = redeclarationProblem(Tag))
      return Problem;
  }
  return std::nullopt;
}

} // namespace dpex
