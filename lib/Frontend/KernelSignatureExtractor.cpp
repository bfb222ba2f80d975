#include "KernelSignatureExtractor.h"
#include "KernelTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/Basic/SourceManager.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace dpex {

std::string mangledName(const FunctionDecl *FD) {
  return ASTNameGenerator(FD->getASTContext()).getName(FD);
}

// "scale<float, 4>" → "scale_float_4": a C++ identifier for the stub handle.
static std::string handleNameFor(const FunctionDecl *FD) {
  std::string Name = FD->getNameAsString();
  const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs();
  if (!Args)
    return Name;
  std::string Printed;
  llvm::raw_string_ostream OS(Printed);
  PrintingPolicy Policy = FD->getASTContext().getPrintingPolicy();
  Policy.SuppressScope = true;
  for (const TemplateArgument &Arg : Args->asArray()) {
    OS << '_';
    Arg.print(Policy, OS, /*IncludeType=*/false);
  }
  for (char C : OS.str()) {
    bool Word = llvm::isAlnum(C) || C == '_';
    if (Word)
      Name += C;
    else if (!Name.empty() && Name.back() != '_')
      Name += '_';
  }
  while (!Name.empty() && Name.back() == '_')
    Name.pop_back();
  return Name;
}

static std::string locationOf(const Decl *D) {
  const SourceManager &SM = D->getASTContext().getSourceManager();
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(D->getLocation()));
  if (P.isInvalid())
    return "";
  return std::string(P.getFilename()) + ":" + std::to_string(P.getLine()) + ":" +
         std::to_string(P.getColumn());
}

static KernelParam extractParam(const ParmVarDecl *P, const ASTContext &Ctx) {
  KernelParam Out;
  std::string Why;
  QualType T = P->getType();
  Out.Kind = *classifyParam(T, Ctx, Why);
  Out.Name = P->getNameAsString();
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true;
  Out.TypeName = TypeName::getFullyQualifiedName(T, Ctx, Policy,
                                                 /*WithGlobalNsPrefix=*/false);
  QualType Sized = T;
  if (Out.Kind == ParamKind::GlobalPointer)
    Sized = T->getPointeeType();
  else if (Out.Kind == ParamKind::LocalAccessor)
    Sized = *asLocalAccessor(T);
  if (Out.Kind != ParamKind::Index) {
    Out.Size = static_cast<uint32_t>(Ctx.getTypeSizeInChars(Sized).getQuantity());
    Out.Align = static_cast<uint32_t>(Ctx.getTypeAlignInChars(Sized).getQuantity());
  }
  if (Out.Kind == ParamKind::ByValue) {
    const SourceManager &SM = Ctx.getSourceManager();
    SourceLocation Loc = T->getAsCXXRecordDecl()->getLocation();
    // The stub includes this header from the output directory, with the
    // host compiler's include paths: a path relative to dpexc's working
    // directory (from a relative -I) would resolve to nothing there.
    llvm::SmallString<256> Path(SM.getFilename(SM.getExpansionLoc(Loc)));
    llvm::sys::fs::make_absolute(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Out.Header = std::string(Path);
  }
  return Out;
}

KernelInfo extractKernelInfo(const FunctionDecl *Kernel) {
  const ASTContext &Ctx = Kernel->getASTContext();
  KernelInfo Info;
  Info.MangledName = mangledName(Kernel);
  Info.EntryName = Info.MangledName;
  {
    llvm::raw_string_ostream OS(Info.QualifiedName);
    Kernel->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), /*Qualified=*/true);
  }
  // The handle lives in the kernel's named namespaces; an anonymous one has
  // no name the generated header could open, so it is left out.
  for (const DeclContext *DC = Kernel->getDeclContext()->getEnclosingNamespaceContext();
       DC && !DC->isTranslationUnit(); DC = DC->getParent())
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(DC); NS && !NS->isAnonymousNamespace())
      Info.Namespace = NS->getName().str() + (Info.Namespace.empty() ? "" : "::") +
                       Info.Namespace;
  Info.HandleName = handleNameFor(Kernel);
  for (const ParmVarDecl *P : Kernel->parameters())
    Info.Params.push_back(extractParam(P, Ctx));
  IndexType Index = *asIndexType(Kernel->getParamDecl(0)->getType());
  Info.NDRange = Index.NDRange;
  Info.Dimensions = Index.Dimensions;
  Info.Location = locationOf(Kernel);
  return Info;
}

} // namespace dpex
