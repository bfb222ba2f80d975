#include "KernelSignatureExtractor.h"
#include "KernelTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecordLayout.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/HeaderSearch.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace dpex {

std::string mangledName(const FunctionDecl *FD) {
  return ASTNameGenerator(FD->getASTContext()).getName(FD);
}

// Whether `T` as written names a typedef or alias declared in the kernel
// source, which the stub cannot see.
static bool namesSourceTypedef(QualType T, const ASTContext &Ctx) {
  while (true) {
    const Type *Ty = T.getTypePtr();
    if (const auto *TT = llvm::dyn_cast<TypedefType>(Ty);
        TT && definedInMainFile(TT->getDecl()))
      return true;
    if (const auto *TST = llvm::dyn_cast<TemplateSpecializationType>(Ty))
      for (const TemplateArgument &Arg : TST->template_arguments())
        if (Arg.getKind() == TemplateArgument::Type &&
            namesSourceTypedef(Arg.getAsType(), Ctx))
          return true;
    if (const auto *PT = llvm::dyn_cast<PointerType>(Ty))
      return namesSourceTypedef(PT->getPointeeType(), Ctx);
    if (const auto *AT = llvm::dyn_cast<ArrayType>(Ty))
      return namesSourceTypedef(AT->getElementType(), Ctx);
    QualType Next = T.getSingleStepDesugaredType(Ctx);
    if (Next == T)
      return false;
    T = Next;
  }
}

// `T` as the stub spells it: as written, unless that names a typedef of the
// kernel source; then as the type it stands for.
static QualType stubType(QualType T, const ASTContext &Ctx) {
  return namesSourceTypedef(T, Ctx) ? T.getCanonicalType() : T;
}

// "scale<float, 4>" → "scale_float_4": a C++ identifier for the kernel.
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

// The stub's spelling of one template argument, or of each in a pack.
static void printTemplateArgument(const TemplateArgument &Arg,
                                  const ASTContext &Ctx,
                                  const PrintingPolicy &Policy,
                                  std::vector<std::string> &Out) {
  switch (Arg.getKind()) {
  case TemplateArgument::Type:
    Out.push_back(TypeName::getFullyQualifiedName(
        stubType(Arg.getAsType(), Ctx), Ctx, Policy,
        /*WithGlobalNsPrefix=*/false));
    return;
  case TemplateArgument::Pack:
    for (const TemplateArgument &Element : Arg.pack_elements())
      printTemplateArgument(Element, Ctx, Policy, Out);
    return;
  default: {
    std::string Printed;
    llvm::raw_string_ostream OS(Printed);
    Arg.print(Policy, OS, /*IncludeType=*/false);
    Out.push_back(std::move(OS.str()));
  }
  }
}

// The template's parameter list as the stub re-declares it for the handle's
// variable template: the kernel's own parameter names, types fully qualified.
static std::string templateParameters(const FunctionTemplateDecl *Template,
                                      const ASTContext &Ctx,
                                      const PrintingPolicy &Policy) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  unsigned Index = 0;
  for (const NamedDecl *P : *Template->getTemplateParameters()) {
    OS << (Index ? ", " : "");
    std::string Name = P->getName().empty()
                           ? "dpex_param" + std::to_string(Index)
                           : P->getNameAsString();
    ++Index;
    if (const auto *Type = llvm::dyn_cast<TemplateTypeParmDecl>(P)) {
      OS << (Type->isParameterPack() ? "typename... " : "typename ") << Name;
      if (Type->hasDefaultArgument())
        OS << " = "
           << TypeName::getFullyQualifiedName(
                  stubType(Type->getDefaultArgument(), Ctx), Ctx, Policy,
                  /*WithGlobalNsPrefix=*/false);
    } else if (const auto *Value = llvm::dyn_cast<NonTypeTemplateParmDecl>(P)) {
      OS << TypeName::getFullyQualifiedName(stubType(Value->getType(), Ctx),
                                            Ctx, Policy,
                                            /*WithGlobalNsPrefix=*/false)
         << (Value->isParameterPack() ? "... " : " ") << Name;
      if (Value->hasDefaultArgument()) {
        OS << " = ";
        Value->getDefaultArgument()->printPretty(OS, nullptr, Policy);
      }
    } else {
      P->print(OS, Policy);
    }
  }
  return std::move(OS.str());
}

// How generated files name `File`: the main file by its file name, any other
// by the shortest spelling that `#include "..."` resolves through the
// include path or from the main file's directory, as the user would write
// it. Never by where the checkout happens to be: the same sources must give
// the same outputs from any directory. A header outside all of those keeps
// its absolute path, the only name that still finds it.
static std::string portableName(llvm::StringRef File, const SourceManager &SM,
                                HeaderSearch &Headers) {
  llvm::SmallString<256> Main(
      SM.getFileEntryForID(SM.getMainFileID())->getName());
  llvm::SmallString<256> Path(File);
  for (llvm::SmallString<256> *P : {&Main, &Path}) {
    llvm::sys::fs::make_absolute(*P);
    llvm::sys::path::remove_dots(*P, /*remove_dot_dot=*/true);
  }
  if (Path == Main)
    return llvm::sys::path::filename(Main).str();
  llvm::SmallString<256> WorkingDir;
  llvm::sys::fs::current_path(WorkingDir);
  return Headers.suggestPathToFileForDiagnostics(Path, WorkingDir, Main);
}

static std::string locationOf(const Decl *D, HeaderSearch &Headers) {
  const SourceManager &SM = D->getASTContext().getSourceManager();
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(D->getLocation()));
  if (P.isInvalid())
    return "";
  return portableName(P.getFilename(), SM, Headers) + ":" +
         std::to_string(P.getLine()) + ":" + std::to_string(P.getColumn());
}

// The namespaces `RD` is declared in, outermost first, as "a::b".
static std::string namespaceOf(const TagDecl *RD) {
  std::string Out;
  for (const DeclContext *DC = RD->getDeclContext(); !DC->isTranslationUnit();
       DC = DC->getParent())
    Out = llvm::cast<NamespaceDecl>(DC)->getName().str() +
          (Out.empty() ? "" : "::") + Out;
  return Out;
}

static void addEnum(const EnumDecl *ED, const ASTContext &Ctx,
                    std::vector<RedeclaredType> &Out);
static void addStruct(const RecordDecl *RD, const ASTContext &Ctx,
                      HeaderSearch &Headers, StubDeclarations &Out);

// Adds what the stub needs to name the struct or enum `Tag`: the header that
// defines it, or its re-declaration after those of the types it uses. The
// sema checker has rejected types of the kernel source that cannot be
// re-declared (redeclarationProblem).
static void addTag(const TagDecl *Tag, const ASTContext &Ctx,
                   HeaderSearch &Headers, StubDeclarations &Out) {
  if (const TagDecl *Definition = Tag->getDefinition())
    Tag = Definition;
  if (!definedInMainFile(Tag)) {
    // The host compiler resolves this through the include directories the
    // kernel was compiled with (add_dpex_kernel gives them to the stub).
    const SourceManager &SM = Ctx.getSourceManager();
    std::string Header = portableName(
        SM.getFilename(SM.getExpansionLoc(Tag->getLocation())), SM, Headers);
    if (!llvm::is_contained(Out.Headers, Header))
      Out.Headers.push_back(std::move(Header));
    return;
  }
  std::string Qualified = Tag->getQualifiedNameAsString();
  for (const RedeclaredType &R : Out.Redeclared)
    if (R.QualifiedName == Qualified)
      return;
  if (const auto *ED = llvm::dyn_cast<EnumDecl>(Tag))
    return addEnum(ED, Ctx, Out.Redeclared);
  addStruct(llvm::cast<RecordDecl>(Tag), Ctx, Headers, Out);
}

// Adds what the stub needs to name every struct or enum in `T`, looking
// through pointers and arrays.
static void addTypeOf(QualType T, const ASTContext &Ctx, HeaderSearch &Headers,
                      StubDeclarations &Out) {
  if (const TagDecl *Tag = namedTag(T))
    addTag(Tag, Ctx, Headers, Out);
}

// An enum of the kernel source, with its underlying type made explicit so
// that the host gives it the kernel's size.
static void addEnum(const EnumDecl *ED, const ASTContext &Ctx,
                    std::vector<RedeclaredType> &Out) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  std::string NS = namespaceOf(ED);
  if (!NS.empty())
    OS << "namespace " << NS << " {\n";
  OS << (ED->isScoped() ? "enum class " : "enum ") << ED->getName() << " : "
     << ED->getIntegerType().getCanonicalType().getAsString(
            Ctx.getPrintingPolicy())
     << " {";
  const char *Separator = "";
  for (const EnumConstantDecl *E : ED->enumerators()) {
    OS << Separator << " " << E->getName() << " = ";
    E->getInitVal().print(OS, E->getInitVal().isSigned());
    Separator = ",";
  }
  OS << " };\n";
  if (!NS.empty())
    OS << "} // namespace " << NS << "\n";
  Out.push_back({ED->getQualifiedNameAsString(), std::move(OS.str())});
}

// A struct of the kernel source, after the types of its members.
static void addStruct(const RecordDecl *RD, const ASTContext &Ctx,
                      HeaderSearch &Headers, StubDeclarations &Out) {
  std::string Qualified = RD->getQualifiedNameAsString();
  for (const FieldDecl *F : RD->fields())
    addTypeOf(F->getType(), Ctx, Headers, Out);

  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressTagKeyword = true;
  const ASTRecordLayout &Layout = Ctx.getASTRecordLayout(RD);
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  std::string NS = namespaceOf(RD);
  std::string Name = RD->getNameAsString();
  if (!NS.empty())
    OS << "namespace " << NS << " {\n";
  OS << (RD->isUnion() ? "union " : "struct ");
  if (RD->hasAttr<AlignedAttr>())
    OS << "alignas(" << Layout.getAlignment().getQuantity() << ") ";
  OS << Name << " {\n";
  std::string Offsets;
  for (const FieldDecl *F : RD->fields()) {
    OS << "  ";
    if (F->hasAttr<AlignedAttr>())
      OS << "alignas(" << Ctx.getDeclAlign(F).getQuantity() << ") ";
    // Builtin types by their own names: a typedef of them might not be
    // visible in the stub.
    QualType T = F->getType();
    T = Ctx.getBaseElementType(T)->isBuiltinType()
            ? T.getCanonicalType()
            : TypeName::getFullyQualifiedType(stubType(T, Ctx), Ctx,
                                              /*WithGlobalNsPrefix=*/false);
    T.print(OS, Policy, F->getName());
    if (F->isBitField())
      OS << " : " << F->getBitWidthValue(Ctx);
    else
      Offsets += " &&\n              offsetof(" + Name + ", " +
                 F->getNameAsString() + ") == " +
                 std::to_string(Layout.getFieldOffset(F->getFieldIndex()) / 8);
    OS << ";\n";
  }
  OS << "};\n";
  OS << "static_assert(sizeof(" << Name
     << ") == " << Layout.getSize().getQuantity() << " && alignof(" << Name
     << ") == " << Layout.getAlignment().getQuantity() << Offsets
     << ",\n              \"dpex: the host lays out " << Qualified
     << " differently from the kernel source\");\n";
  if (!NS.empty())
    OS << "} // namespace " << NS << "\n";
  Out.Redeclared.push_back({std::move(Qualified), std::move(OS.str())});
}

// What the stub needs to spell a template argument, or each in a pack.
static void addArgumentTypes(const TemplateArgument &Arg, const ASTContext &Ctx,
                             HeaderSearch &Headers, StubDeclarations &Out) {
  if (Arg.getKind() == TemplateArgument::Type)
    addTypeOf(Arg.getAsType(), Ctx, Headers, Out);
  else if (Arg.getKind() == TemplateArgument::Integral)
    addTypeOf(Arg.getIntegralType(), Ctx, Headers, Out);
  else if (Arg.getKind() == TemplateArgument::Pack)
    for (const TemplateArgument &Element : Arg.pack_elements())
      addArgumentTypes(Element, Ctx, Headers, Out);
}

static KernelParam extractParam(const ParmVarDecl *P, const ASTContext &Ctx,
                                HeaderSearch &Headers) {
  KernelParam Out;
  std::string Why;
  QualType T = P->getType();
  Out.Kind = *classifyParam(T, Ctx, Why);
  Out.Name = P->getNameAsString();
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressUnwrittenScope = true;
  Out.TypeName = TypeName::getFullyQualifiedName(stubType(T, Ctx), Ctx, Policy,
                                                 /*WithGlobalNsPrefix=*/false);
  QualType Sized = T;
  if (Out.Kind == ParamKind::GlobalPointer)
    Sized = T->getPointeeType();
  else if (Out.Kind == ParamKind::LocalAccessor)
    Sized = *asLocalAccessor(T);
  if (Out.Kind != ParamKind::Index) {
    Out.Size =
        static_cast<uint32_t>(Ctx.getTypeSizeInChars(Sized).getQuantity());
    Out.Align =
        static_cast<uint32_t>(Ctx.getTypeAlignInChars(Sized).getQuantity());
  }
  if (Out.Kind != ParamKind::Index)
    addTypeOf(Sized, Ctx, Headers, Out.Declarations);
  return Out;
}

KernelInfo extractKernelInfo(const FunctionDecl *Kernel,
                             HeaderSearch &Headers) {
  const ASTContext &Ctx = Kernel->getASTContext();
  KernelInfo Info;
  Info.MangledName = mangledName(Kernel);
  Info.EntryName = Info.MangledName;
  {
    llvm::raw_string_ostream OS(Info.QualifiedName);
    Kernel->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(),
                                 /*Qualified=*/true);
  }
  // The handle lives in the kernel's named namespaces; an anonymous one has
  // no name the generated header could open, so it is left out.
  for (const DeclContext *DC =
           Kernel->getDeclContext()->getEnclosingNamespaceContext();
       DC && !DC->isTranslationUnit(); DC = DC->getParent())
    if (const auto *NS = llvm::dyn_cast<NamespaceDecl>(DC);
        NS && !NS->isAnonymousNamespace())
      Info.Namespace = NS->getName().str() +
                       (Info.Namespace.empty() ? "" : "::") + Info.Namespace;
  Info.FlatName = handleNameFor(Kernel);
  Info.HandleName = Info.FlatName;
  if (const FunctionTemplateDecl *Template = Kernel->getPrimaryTemplate()) {
    PrintingPolicy Policy = Ctx.getPrintingPolicy();
    Policy.SuppressUnwrittenScope = true;
    Info.TemplateName = Kernel->getNameAsString();
    Info.TemplateParams = templateParameters(Template, Ctx, Policy);
    std::vector<std::string> Args;
    for (const TemplateArgument &Arg :
         Kernel->getTemplateSpecializationArgs()->asArray())
      printTemplateArgument(Arg, Ctx, Policy, Args);
    Info.TemplateArgs = llvm::join(Args, ", ");
    Info.TemplateKey = locationOf(Template->getCanonicalDecl(), Headers);
    for (const NamedDecl *P : *Template->getTemplateParameters())
      if (const auto *Value = llvm::dyn_cast<NonTypeTemplateParmDecl>(P))
        addTypeOf(Value->getType(), Ctx, Headers, Info.TemplateDeclarations);
      else if (const auto *Type = llvm::dyn_cast<TemplateTypeParmDecl>(P);
               Type && Type->hasDefaultArgument())
        addTypeOf(Type->getDefaultArgument(), Ctx, Headers,
                  Info.TemplateDeclarations);
    for (const TemplateArgument &Arg :
         Kernel->getTemplateSpecializationArgs()->asArray())
      addArgumentTypes(Arg, Ctx, Headers, Info.TemplateDeclarations);
  }
  for (const ParmVarDecl *P : Kernel->parameters())
    Info.Params.push_back(extractParam(P, Ctx, Headers));
  IndexType Index = *asIndexType(Kernel->getParamDecl(0)->getType());
  Info.NDRange = Index.NDRange;
  Info.Dimensions = Index.Dimensions;
  for (const auto *A : Kernel->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "dpex.reqd_sub_group_size" && A->args_size() == 1)
      if (llvm::Optional<llvm::APSInt> N =
              (*A->args_begin())->getIntegerConstantExpr(Ctx))
        Info.ReqdSubGroupSize = static_cast<unsigned>(N->getZExtValue());
  Info.Location = locationOf(Kernel, Headers);
  return Info;
}

} // namespace dpex
