#include "KernelTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecordLayout.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TargetInfo.h"

#include "llvm/ADT/SmallPtrSet.h"

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

std::optional<std::string> unsupportedScalar(QualType T) {
  T = T.getCanonicalType();
  while (true) {
    if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
      T = AT->getElementType().getCanonicalType();
    else if (!T->getPointeeType().isNull())
      T = T->getPointeeType().getCanonicalType();
    else
      break;
  }
  if (T->isSpecificBuiltinType(BuiltinType::Int128) ||
      T->isSpecificBuiltinType(BuiltinType::UInt128))
    return std::string("128-bit integers");
  if (T->isSpecificBuiltinType(BuiltinType::Float128) ||
      T->isSpecificBuiltinType(BuiltinType::Ibm128))
    return std::string("128-bit floating-point types");
  if (const auto *BI = T->getAs<BitIntType>()) {
    unsigned Bits = BI->getNumBits();
    if (Bits != 8 && Bits != 16 && Bits != 32 && Bits != 64)
      return "integers of " + std::to_string(Bits) + " bits";
  }
  return std::nullopt;
}

std::optional<std::string> unsupportedBitField(const FieldDecl *F,
                                               const ASTContext &Ctx) {
  if (!F->isBitField() || F->isZeroLengthBitField(Ctx))
    return std::nullopt;
  const RecordDecl *RD = F->getParent()->getDefinition();
  if (!RD || RD->isInvalidDecl())
    return std::nullopt;
  // The run holding F, as Clang's record lowering forms it: adjacent
  // non-empty bit-fields, each starting where the previous one ends.
  const ASTRecordLayout &Layout = Ctx.getASTRecordLayout(RD);
  uint64_t Start = 0, Tail = 0;
  bool InRun = false, Found = false;
  for (const FieldDecl *Field : RD->fields()) {
    bool Extends = Field->isBitField() && !Field->isZeroLengthBitField(Ctx) &&
                   InRun &&
                   Layout.getFieldOffset(Field->getFieldIndex()) == Tail;
    if (!Extends) {
      if (Found)
        break;
      InRun = Field->isBitField() && !Field->isZeroLengthBitField(Ctx);
      if (!InRun)
        continue;
      Start = Tail = Layout.getFieldOffset(Field->getFieldIndex());
    }
    Tail += Field->getBitWidthValue(Ctx);
    Found |= Field == F;
  }
  uint64_t Bits = llvm::alignTo(Tail - Start, Ctx.getCharWidth());
  if (!Found || Bits == 8 || Bits == 16 || Bits == 32 || Bits == 64)
    return std::nullopt;
  std::string Why = "stored with its adjacent bit-fields in a " +
                    std::to_string(Bits) +
                    "-bit integer, which SPIR-V devices do not support; ";
  if (Bits > 64)
    return Why + "split the run (a bit-field ': 0' ends one)";
  uint64_t Legal = Bits < 32 ? 32 : 64;
  return Why + "pad the run of bit-fields to " + std::to_string(Legal) +
         " bits (an unnamed bit-field of " +
         std::to_string(Legal - (Tail - Start)) + " bits after it)";
}

// 'long double' as the device compiles it (IEEE double on spir64) and as
// the host does (on x86-64, the 80-bit extended type in 16 bytes).
static std::optional<std::string> longDoubleProblem(const ASTContext &Ctx) {
  const TargetInfo &Device = Ctx.getTargetInfo();
  const TargetInfo *Host = Ctx.getAuxTargetInfo();
  if (Host && &Host->getLongDoubleFormat() == &Device.getLongDoubleFormat() &&
      Host->getLongDoubleWidth() == Device.getLongDoubleWidth())
    return std::nullopt;
  std::string Why = "'long double' is a 64-bit double on the device";
  if (Host)
    Why += " (" + std::to_string(Device.getLongDoubleWidth() / 8) +
           " bytes) but " + std::to_string(Host->getLongDoubleWidth() / 8) +
           " bytes of another format on the host";
  return Why + "; use 'double'";
}

// Why data of type `T` (what it points to, its members) cannot cross between
// host and device: a scalar the two lay out differently, or one the device
// lacks; with `Path`, the member that holds it. Nothing if it can.
static std::optional<std::string>
layoutProblem(QualType T, const ASTContext &Ctx, std::string &Path,
              llvm::SmallPtrSetImpl<const RecordDecl *> &Seen) {
  T = T.getCanonicalType();
  while (true) {
    if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
      T = AT->getElementType().getCanonicalType();
    else if (T->isPointerType())
      T = T->getPointeeType().getCanonicalType();
    else
      break;
  }
  if (T->isSpecificBuiltinType(BuiltinType::LongDouble))
    return longDoubleProblem(Ctx);
  if (auto Scalar = unsupportedScalar(T))
    return *Scalar + " are not supported on the device";
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD || !(RD = RD->getDefinition()) || !Seen.insert(RD).second)
    return std::nullopt;
  if (const auto *CRD = llvm::dyn_cast<CXXRecordDecl>(RD))
    for (const CXXBaseSpecifier &Base : CRD->bases())
      if (auto Problem = layoutProblem(Base.getType(), Ctx, Path, Seen))
        return Problem;
  for (const FieldDecl *F : RD->fields()) {
    if (auto Problem = unsupportedBitField(F, Ctx)) {
      Path = F->getNameAsString();
      return "a bit-field " + *Problem;
    }
    std::string Inner;
    if (auto Problem = layoutProblem(F->getType(), Ctx, Inner, Seen)) {
      Path = F->getNameAsString() + (Inner.empty() ? "" : "." + Inner);
      return Problem;
    }
  }
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
  llvm::SmallPtrSet<const RecordDecl *, 8> Seen;
  std::string Path;
  if (auto Problem = layoutProblem(T, Ctx, Path, Seen)) {
    Why = (Path.empty() ? "" : "in its member '" + Path + "', ") + *Problem;
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
