#include "KernelTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

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
static const ClassTemplateSpecializationDecl *asDpexTemplate(QualType T,
                                                             llvm::StringRef Name) {
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
      return IndexType{ND, static_cast<unsigned>(Arg.getAsIntegral().getZExtValue())};
    }
  return std::nullopt;
}

std::optional<QualType> asLocalAccessor(QualType T) {
  if (const auto *Spec = asDpexTemplate(T, "local_accessor"))
    return Spec->getTemplateArgs()[0].getAsType();
  return std::nullopt;
}

std::optional<ParamKind> classifyParam(QualType T, const ASTContext &Ctx,
                                       std::string &Why) {
  T = T.getCanonicalType();
  if (asIndexType(T))
    return ParamKind::Index;
  if (asLocalAccessor(T))
    return ParamKind::LocalAccessor;
  if (T->isReferenceType()) {
    Why = "references cannot be kernel parameters; pass a pointer or a value";
    return std::nullopt;
  }
  if (T->isBooleanType())
    return ParamKind::Boolean;
  if (T->isArithmeticType() || T->isEnumeralType())
    return ParamKind::Scalar;
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
      Why = "a kernel pointer parameter must point to a complete, non-void type";
      return std::nullopt;
    }
    return ParamKind::GlobalPointer;
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

} // namespace dpex
