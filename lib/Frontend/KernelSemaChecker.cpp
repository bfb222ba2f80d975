#include "KernelSemaChecker.h"
#include "KernelTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"

#include <functional>

using namespace clang;

namespace dpex {
namespace {

// C library functions whose device versions the math lowering provides.
bool isDeviceLibm(llvm::StringRef Name) {
  static const llvm::StringSet<> Names = [] {
    llvm::StringSet<> S;
    for (const char *Base :
         {"sqrt",  "cbrt",  "exp",   "exp2", "expm1", "log",   "log2",
          "log10", "log1p", "pow",   "sin",  "cos",   "tan",   "asin",
          "acos",  "atan",  "atan2", "sinh", "cosh",  "tanh",  "erf",
          "erfc",  "fabs",  "fmin",  "fmax", "fma",   "floor", "ceil",
          "trunc", "round", "fmod",  "hypot"}) {
      S.insert(Base);
      S.insert((llvm::Twine(Base) + "f").str());
    }
    return S;
  }();
  return Names.contains(Name);
}

bool isDynamicAllocator(llvm::StringRef Name) {
  return Name == "malloc" || Name == "calloc" || Name == "realloc" ||
         Name == "free" || Name == "aligned_alloc";
}

// Non-local jumps save and restore a machine context; devices have none.
bool isNonLocalJump(llvm::StringRef Name) {
  return Name == "setjmp" || Name == "_setjmp" || Name == "__sigsetjmp" ||
         Name == "sigsetjmp" || Name == "longjmp" || Name == "_longjmp" ||
         Name == "siglongjmp" || Name == "__builtin_setjmp" ||
         Name == "__builtin_longjmp";
}

bool isAlloca(llvm::StringRef Name) {
  return Name == "alloca" || Name == "_alloca" ||
         Name.startswith("__builtin_alloca");
}

// The GCC and C11 atomic built-ins, which clang lowers to host-address-space
// atomics.
bool isAtomicBuiltin(llvm::StringRef Name) {
  return Name.startswith("__sync_") || Name.startswith("__atomic_") ||
         Name.startswith("__c11_atomic_");
}

std::string describe(const FunctionDecl *FD) {
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  FD->getNameForDiagnostic(OS, FD->getASTContext().getPrintingPolicy(),
                           /*Qualified=*/true);
  return Name;
}

// Reports violations. An error in a header (the standard library's, say) is
// followed by a note at the call in the kernel source through which a kernel
// reaches it.
class Diagnoser {
public:
  explicit Diagnoser(ASTContext &Ctx)
      : Diags(Ctx.getDiagnostics()), SM(Ctx.getSourceManager()) {}

  // An error, then the note `NoteText` at `NoteLoc` where given.
  void error(SourceLocation Loc, const llvm::Twine &Text,
             SourceLocation NoteLoc = {}, const llvm::Twine &NoteText = {}) {
    report(DiagnosticsEngine::Error, Loc, Text);
    if (NoteLoc.isValid())
      report(DiagnosticsEngine::Note, NoteLoc, NoteText);
    noteReach(Loc);
  }
  // The function whose body the errors are in.
  void setFunction(const FunctionDecl *F) { Current = F; }
  // The call through which `Callee` is first reached.
  void calledFrom(const FunctionDecl *Callee, const FunctionDecl *Caller,
                  SourceLocation Loc) {
    Origins.try_emplace(Callee, Caller, Loc);
  }
  bool failed() const { return Diags.hasErrorOccurred(); }

private:
  DiagnosticsEngine &Diags;
  const SourceManager &SM;
  const FunctionDecl *Current = nullptr;
  llvm::DenseMap<const FunctionDecl *,
                 std::pair<const FunctionDecl *, SourceLocation>>
      Origins;

  void report(DiagnosticsEngine::Level Level, SourceLocation Loc,
              const llvm::Twine &Text) {
    Diags.Report(Loc, Diags.getCustomDiagID(Level, "%0")) << Text.str();
  }
  bool inMainFile(SourceLocation Loc) const {
    return SM.isInMainFile(SM.getExpansionLoc(Loc));
  }
  void noteReach(SourceLocation Loc) {
    if (!Current || Loc.isInvalid() || inMainFile(Loc))
      return;
    for (const FunctionDecl *F = Current;;) {
      auto It = Origins.find(F);
      if (It == Origins.end())
        return;
      auto [Caller, CallLoc] = It->second;
      if (inMainFile(CallLoc)) {
        report(DiagnosticsEngine::Note, CallLoc,
               "reached through this call to '" + describe(F) + "'");
        return;
      }
      F = Caller;
    }
  }
};

// Walks one function body; collects the device functions it calls.
class BodyChecker : public RecursiveASTVisitor<BodyChecker> {
public:
  BodyChecker(Diagnoser &D, const std::set<std::string> &External,
              MangleContext &Mangler)
      : D(D), External(External), Mangler(Mangler),
        Ctx(Mangler.getASTContext()) {}

  // A lambda's body is checked when its call operator is reached, so it is
  // checked once even if called many times.
  bool shouldVisitLambdaBody() const { return false; }
  bool shouldVisitImplicitCode() const { return true; }

  struct Call {
    const FunctionDecl *Callee;
    SourceLocation Loc;
  };
  std::vector<Call> Calls;

  // Unevaluated operands never run on the device, so what they name need
  // not be device code: libstdc++'s noexcept specifiers name function
  // pointers, its heap functions name uninstantiated templates in decltype.
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  bool TraverseRequiresExpr(RequiresExpr *) { return true; }
  bool TraverseConceptSpecializationExpr(ConceptSpecializationExpr *) {
    return true;
  }
  bool TraverseStaticAssertDecl(StaticAssertDecl *) { return true; }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
  bool TraverseDecltypeType(DecltypeType *) { return true; }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc) { return true; }
  bool TraverseTypeOfExprType(TypeOfExprType *) { return true; }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    // Only the size of a variable-length array is computed at run time.
    if (E->getTypeOfArgument()->isVariablyModifiedType())
      return RecursiveASTVisitor::TraverseUnaryExprOrTypeTraitExpr(E);
    return true;
  }
  // A function's type, without its noexcept operand.
  bool TraverseFunctionProtoTypeLoc(FunctionProtoTypeLoc TL) {
    if (!TraverseTypeLoc(TL.getReturnLoc()))
      return false;
    const FunctionProtoType *T = TL.getTypePtr();
    for (unsigned I = 0, E = TL.getNumParams(); I != E; ++I) {
      if (ParmVarDecl *P = TL.getParam(I)) {
        if (!TraverseDecl(P))
          return false;
      } else if (I < T->getNumParams() && !TraverseType(T->getParamType(I))) {
        return false;
      }
    }
    return true;
  }
  // A default member initialiser runs in the constructor that uses it.
  bool TraverseCXXDefaultInitExpr(CXXDefaultInitExpr *E) {
    return TraverseStmt(E->getExpr());
  }

  bool VisitAsmStmt(AsmStmt *S) {
    D.error(S->getAsmLoc(), "inline assembly is not supported in device code");
    return true;
  }
  bool VisitAddrLabelExpr(AddrLabelExpr *E) {
    D.error(E->getAmpAmpLoc(), "address of label '" +
                                   E->getLabel()->getName().str() +
                                   "' (computed goto) is not supported in "
                                   "device code");
    return true;
  }
  bool VisitIndirectGotoStmt(IndirectGotoStmt *S) {
    D.error(S->getGotoLoc(), "computed 'goto' is not supported in device code");
    return true;
  }
  bool VisitAtomicExpr(AtomicExpr *E) {
    rejectAtomicBuiltin(E->getBuiltinLoc(), spelling(E->getBuiltinLoc()));
    return true;
  }

  bool VisitCXXThrowExpr(CXXThrowExpr *E) {
    D.error(
        E->getThrowLoc(),
        "exceptions are not supported in device code: 'throw' is not allowed");
    return true;
  }
  bool VisitCXXTryStmt(CXXTryStmt *S) {
    D.error(
        S->getTryLoc(),
        "exceptions are not supported in device code: 'try' is not allowed");
    return true;
  }
  bool VisitCXXTypeidExpr(CXXTypeidExpr *E) {
    D.error(E->getBeginLoc(),
            "RTTI is not supported in device code: 'typeid' is not allowed");
    return true;
  }
  bool VisitCXXDynamicCastExpr(CXXDynamicCastExpr *E) {
    D.error(
        E->getBeginLoc(),
        "RTTI is not supported in device code: 'dynamic_cast' is not allowed");
    return true;
  }
  bool VisitCXXNewExpr(CXXNewExpr *E) {
    // `new (p) T` with the reserved `operator new(size_t, void*)` constructs
    // in storage the caller provides and allocates nothing.
    if (const FunctionDecl *Op = E->getOperatorNew();
        Op && Op->isReservedGlobalPlacementOperator())
      return true;
    D.error(E->getBeginLoc(), "dynamic allocation is not supported in device "
                              "code: 'new' is not allowed");
    return true;
  }
  bool VisitCXXDeleteExpr(CXXDeleteExpr *E) {
    D.error(E->getBeginLoc(), "dynamic allocation is not supported in device "
                              "code: 'delete' is not allowed");
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    checkScalar(FD->getReturnType(), FD->getLocation(),
                "return value of '" + describe(FD) + "'");
    return true;
  }
  bool VisitExplicitCastExpr(ExplicitCastExpr *E) {
    checkScalar(E->getTypeAsWritten(), E->getBeginLoc(), "cast");
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    checkScalar(E->getType(), E->getMemberLoc(),
                "member '" + E->getMemberDecl()->getNameAsString() + "'");
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    // A kernel's own parameters are judged with its signature.
    const auto *PVD = llvm::dyn_cast<ParmVarDecl>(VD);
    const auto *Owner =
        PVD ? llvm::dyn_cast<FunctionDecl>(PVD->getDeclContext()) : nullptr;
    if (!Owner || !isKernel(Owner))
      checkScalar(VD->getType(), VD->getLocation(),
                  "'" + VD->getName().str() + "'");
    if (VD->getType()->isVariableArrayType())
      D.error(VD->getLocation(), "variable-length array '" +
                                     VD->getName().str() +
                                     "' is not allowed in device code");
    if (VD->getTLSKind() != VarDecl::TLS_None)
      D.error(VD->getLocation(), "thread_local variable '" +
                                     VD->getName().str() +
                                     "' is not allowed in device code");
    else if (VD->isStaticLocal() && !isConstant(VD))
      D.error(VD->getLocation(), "static local variable '" +
                                     VD->getName().str() +
                                     "' is not allowed in device code");
    else if (VD->isStaticLocal())
      checkStaticInitialization(VD, VD->getLocation(), "static local variable");
    // Clang 15 emits llvm.var.annotation for these with a generic pointer
    // cast to an address-space-0 i8*: invalid IR, which ended as an internal
    // compiler error (found by dpexc_source_fuzzer).
    if (VD->hasLocalStorage() && VD->hasAttr<AnnotateAttr>())
      D.error(VD->getLocation(),
              std::string("annotate attribute on ") +
                  (llvm::isa<ParmVarDecl>(VD) ? "parameter '"
                                              : "local variable '") +
                  VD->getName().str() + "' is not supported in device code");
    // Destructors run without a call expression in the AST; they are device
    // code all the same.
    if (VD->hasLocalStorage())
      noteDestruction(VD->getType(), VD->getLocation());
    return true;
  }

  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E) {
    if (const CXXDestructorDecl *DD = E->getTemporary()->getDestructor())
      noteCall(DD, E->getBeginLoc());
    return true;
  }

  // After its body, a destructor destroys the members and bases, implicitly.
  bool VisitCXXDestructorDecl(CXXDestructorDecl *DD) {
    const CXXRecordDecl *RD = DD->getParent();
    for (const CXXBaseSpecifier &Base : RD->bases())
      noteDestruction(Base.getType(), DD->getLocation());
    for (const FieldDecl *FD : RD->fields())
      noteDestruction(FD->getType(), DD->getLocation());
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    const auto *VD = llvm::dyn_cast<VarDecl>(E->getDecl());
    if (!VD || !VD->hasGlobalStorage() || VD->isStaticLocal())
      return true;
    if (VD->getTLSKind() != VarDecl::TLS_None)
      D.error(E->getLocation(), "use of thread_local variable '" +
                                    VD->getQualifiedNameAsString() +
                                    "' is not allowed in device code");
    else if (!isConstant(VD))
      D.error(E->getLocation(), "use of mutable global variable '" +
                                    VD->getQualifiedNameAsString() +
                                    "' is not allowed in device code");
    else
      checkStaticInitialization(VD, E->getLocation(), "global variable");
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    noteCall(E->getConstructor(), E->getLocation());
    return true;
  }

  bool VisitCallExpr(CallExpr *E) {
    const FunctionDecl *Callee = E->getDirectCallee();
    if (!Callee) {
      const Expr *Target = E->getCallee()->IgnoreParenImpCasts();
      if (llvm::isa<CXXPseudoDestructorExpr>(Target))
        return true;
      // Name the pointer where it has a name: a kernel may hold several.
      std::string Via = "a function pointer";
      if (const auto *DRE = llvm::dyn_cast<DeclRefExpr>(Target))
        Via = "function pointer '" + DRE->getDecl()->getNameAsString() + "'";
      else if (const auto *ME = llvm::dyn_cast<MemberExpr>(Target))
        Via =
            "function pointer '" + ME->getMemberDecl()->getNameAsString() + "'";
      else if (llvm::isa<BinaryOperator>(Target))
        Via = "a pointer to member function";
      D.error(E->getBeginLoc(), "indirect call through " + Via +
                                    " is not allowed in device code");
      return true;
    }
    // Clang 15 passes generic pointers to llvm.clear_cache unconverted:
    // invalid IR. Device code has no use for it.
    if (Callee->getBuiltinID() == Builtin::BI__builtin___clear_cache) {
      D.error(E->getBeginLoc(),
              "'__builtin___clear_cache' is not supported in device code");
      return true;
    }
    if (const auto *MC = llvm::dyn_cast<CXXMemberCallExpr>(E))
      if (isVirtualDispatch(MC)) {
        // getExprLoc() is the member name: `shape->area()` points at `area`.
        D.error(E->getExprLoc(), "virtual call to '" + describe(Callee) +
                                     "' is not allowed in device code");
        return true;
      }
    if (unsigned ID = Callee->getBuiltinID()) {
      llvm::StringRef Name = Callee->getASTContext().BuiltinInfo.getName(ID);
      if (isAtomicBuiltin(Name)) {
        // As written: Sema resolves `__sync_fetch_and_add` to a sized
        // variant.
        rejectAtomicBuiltin(E->getBeginLoc(),
                            spelling(E->getCallee()->getBeginLoc()));
        return true;
      }
      if (isAlloca(Name)) {
        D.error(E->getBeginLoc(),
                "'" + Name.str() +
                    "' is not supported in device code: device code has no "
                    "dynamic stack allocation; use dpex::private_array<T, N>");
        return true;
      }
    }
    if (isNonLocalJump(Callee->getName()) &&
        (Callee->isExternC() || Callee->getBuiltinID())) {
      D.error(E->getBeginLoc(), "non-local jump '" + Callee->getName().str() +
                                    "' (setjmp/longjmp) is not supported in "
                                    "device code");
      return true;
    }
    if (isDynamicAllocator(Callee->getName()) && Callee->isExternC()) {
      D.error(E->getBeginLoc(),
              "dynamic allocation is not supported in device code: '" +
                  Callee->getName().str() + "' is not allowed");
      return true;
    }
    noteCall(Callee, E->getBeginLoc());
    return true;
  }

private:
  Diagnoser &D;
  const std::set<std::string> &External;
  MangleContext &Mangler;
  ASTContext &Ctx;

  // SPIR-V and PTX have no such types: the translator rejects them or
  // crashes.
  void checkScalar(QualType T, SourceLocation Loc, llvm::StringRef What) {
    if (auto Scalar = unsupportedScalar(T))
      D.error(Loc, What.str() + " has type '" +
                       T.getAsString(Ctx.getPrintingPolicy()) +
                       "': " + *Scalar + " are not supported in device code");
  }

  void rejectAtomicBuiltin(SourceLocation Loc, llvm::StringRef Name) {
    D.error(Loc, "'" + Name.str() +
                     "' is not supported in device code; use "
                     "dpex::atomic_ref<T> for atomic operations");
  }

  std::string spelling(SourceLocation Loc) const {
    const SourceManager &SM = Ctx.getSourceManager();
    return Lexer::getSourceText(
               CharSourceRange::getTokenRange(SM.getSpellingLoc(Loc)), SM,
               Ctx.getLangOpts())
        .str();
  }

  static bool isConstant(const VarDecl *VD) {
    if (VD->isConstexpr())
      return true;
    if (!VD->getType().isConstQualified())
      return false;
    // A mutable member of a const object can still be written.
    const CXXRecordDecl *RD =
        VD->getType()->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
    return !RD || !RD->hasDefinition() || !RD->hasMutableFields();
  }

  // A constant that needs code to run before a kernel can read it: nothing
  // runs a device module's global constructors, so the kernel would read
  // zeros (or, at -O0, the module would not validate).
  void checkStaticInitialization(const VarDecl *VD, SourceLocation Use,
                                 llvm::StringRef What) {
    if (!VD->hasInit() || VD->getInit()->isValueDependent() ||
        VD->hasConstantInitialization())
      return;
    D.error(Use,
            What.str() + " '" + VD->getQualifiedNameAsString() +
                "' needs dynamic initialization, which device code cannot run; "
                "make its initializer a constant expression",
            VD->getLocation(),
            "'" + VD->getQualifiedNameAsString() + "' declared here");
  }

  void noteDestruction(QualType T, SourceLocation Loc) {
    const CXXRecordDecl *RD =
        T->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
    if (RD && RD->hasDefinition() && !RD->hasTrivialDestructor())
      if (const CXXDestructorDecl *DD = RD->getDestructor())
        noteCall(DD, Loc);
  }

  static bool isVirtualDispatch(const CXXMemberCallExpr *MC) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->isVirtual() || MD->hasAttr<FinalAttr>() ||
        MD->getParent()->hasAttr<FinalAttr>())
      return false;
    // `obj.Base::f()` names its target explicitly.
    if (const auto *ME =
            llvm::dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
      if (ME->hasQualifier())
        return false;
    return true;
  }

  std::string mangle(const FunctionDecl *FD) {
    if (!Mangler.shouldMangleDeclName(FD))
      return FD->getName().str();
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    if (const auto *CD = llvm::dyn_cast<CXXConstructorDecl>(FD))
      Mangler.mangleName(GlobalDecl(CD, Ctor_Complete), OS);
    else if (const auto *DD = llvm::dyn_cast<CXXDestructorDecl>(FD))
      Mangler.mangleName(GlobalDecl(DD, Dtor_Complete), OS);
    else
      Mangler.mangleName(FD, OS);
    return Name;
  }

  void noteCall(const FunctionDecl *Callee, SourceLocation Loc) {
    const FunctionDecl *Def = nullptr;
    if (Callee->hasBody(Def)) {
      Calls.push_back({Def, Loc});
      return;
    }
    if (Callee->getBuiltinID() != 0 || Callee->isDeleted() ||
        Callee->getName().startswith("__dpex_") ||
        // SPIR-V friendly built-ins of <dpex/kernel.hpp>; the translator
        // emits them as instructions.
        Callee->getName().startswith("__spirv_") ||
        (Callee->isExternC() && isDeviceLibm(Callee->getName())) ||
        External.count(mangle(Callee)))
      return;
    // Defaulted special members get their bodies from codegen.
    if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(Callee))
      if (MD->isDefaulted() || MD->isTrivial())
        return;
    D.error(Loc,
            "call to '" + describe(Callee) +
                "', which has no definition visible to device code",
            Callee->getLocation(),
            "'" + describe(Callee) +
                "' declared here; define it in the kernel source, an included "
                "header, or a --device-lib");
  }
};

class KernelFinder : public RecursiveASTVisitor<KernelFinder> {
public:
  bool shouldVisitTemplateInstantiations() const { return true; }
  llvm::SetVector<const FunctionDecl *> Kernels, DeviceFunctions;

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext())
      return true;
    bool Kernel = isKernel(FD);
    if (!Kernel && !isDeviceFunction(FD))
      return true;
    TemplateSpecializationKind TSK = FD->getTemplateSpecializationKind();
    // Only explicit instantiations of a kernel template are kernels.
    if (Kernel && TSK == TSK_ImplicitInstantiation)
      return true;
    (Kernel ? Kernels : DeviceFunctions).insert(FD);
    return true;
  }

  bool TraverseFunctionTemplateDecl(FunctionTemplateDecl *FTD) {
    for (FunctionDecl *Spec : FTD->specializations())
      TraverseDecl(Spec);
    return true;
  }
};

void checkSignature(Diagnoser &D, const FunctionDecl *Kernel) {
  const std::string Name = describe(Kernel);
  if (!Kernel->getReturnType()->isVoidType()) {
    SourceLocation Loc = Kernel->getReturnTypeSourceRange().getBegin();
    D.error(Loc.isValid() ? Loc : Kernel->getLocation(),
            "kernel '" + Name + "' must return 'void'");
  }
  // The host launches a kernel with no object to call it on.
  if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(Kernel);
      MD && MD->isInstance())
    D.error(Kernel->getLocation(),
            "kernel '" + Name +
                "' is a non-static member function; make it "
                "static or move it to namespace scope");
  // An index parameter further down gets its own, more precise, error below.
  bool HasIndex = llvm::any_of(Kernel->parameters(), [](const ParmVarDecl *P) {
    return asIndexType(P->getType()).has_value();
  });
  if (!HasIndex)
    D.error(Kernel->getNumParams() ? Kernel->getParamDecl(0)->getLocation()
                                   : Kernel->getLocation(),
            "kernel '" + Name +
                "' must take dpex::item<N> or dpex::nd_item<N> as its first "
                "parameter");
  const ASTContext &Ctx = Kernel->getASTContext();
  for (unsigned I = 0; I < Kernel->getNumParams(); ++I) {
    const ParmVarDecl *P = Kernel->getParamDecl(I);
    std::string Why;
    std::optional<ParamKind> Kind = classifyParam(P->getType(), Ctx, Why);
    std::string What =
        "parameter " + std::to_string(I + 1) +
        (P->getName().empty() ? "" : " '" + P->getName().str() + "'") +
        " of kernel '" + Name + "' has type '" +
        P->getType().getAsString(Ctx.getPrintingPolicy()) + "'";
    if (!Kind)
      D.error(P->getLocation(), What + ": " + Why);
    else if (*Kind == ParamKind::Index && I != 0)
      D.error(P->getLocation(), What + ": the index parameter must come first");
    else if (*Kind == ParamKind::ByValue)
      if (auto Problem = redeclarationProblem(P->getType()->getAsRecordDecl()))
        D.error(P->getLocation(),
                What +
                    ": the generated stub cannot re-declare a struct of the "
                    "kernel source where " +
                    *Problem +
                    "; define it in a header, which the stub includes");
  }
}

// Reports the first call that closes a cycle in the device call graph.
void checkRecursion(
    Diagnoser &D, const std::vector<const FunctionDecl *> &Order,
    const llvm::DenseMap<const FunctionDecl *, std::vector<BodyChecker::Call>>
        &Graph) {
  enum State { Unvisited, Active, Done };
  llvm::DenseMap<const FunctionDecl *, State> States;
  std::function<void(const FunctionDecl *)> Visit = [&](const FunctionDecl *F) {
    States[F] = Active;
    auto It = Graph.find(F);
    if (It != Graph.end())
      for (const BodyChecker::Call &C : It->second) {
        State S = States.lookup(C.Callee);
        if (S == Active) {
          D.setFunction(F);
          D.error(C.Loc, "recursive call to '" + describe(C.Callee) +
                             "' is not allowed in device code");
        } else if (S == Unvisited)
          Visit(C.Callee);
      }
    States[F] = Done;
  };
  for (const FunctionDecl *F : Order)
    if (States.lookup(F) == Unvisited)
      Visit(F);
}

} // namespace

std::vector<const FunctionDecl *> findKernels(ASTContext &Ctx) {
  KernelFinder Finder;
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  return {Finder.Kernels.begin(), Finder.Kernels.end()};
}

std::vector<const FunctionDecl *> findDeviceFunctions(ASTContext &Ctx) {
  KernelFinder Finder;
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  return {Finder.DeviceFunctions.begin(), Finder.DeviceFunctions.end()};
}

bool checkKernels(ASTContext &Ctx,
                  const std::vector<const FunctionDecl *> &Kernels,
                  const std::set<std::string> &ExternalDefinitions) {
  Diagnoser D(Ctx);
  std::unique_ptr<MangleContext> Mangler(Ctx.createMangleContext());
  for (const FunctionDecl *K : Kernels)
    checkSignature(D, K);

  // Breadth-first over everything the kernels can call, each body once.
  llvm::DenseMap<const FunctionDecl *, std::vector<BodyChecker::Call>> Graph;
  std::vector<const FunctionDecl *> Order(Kernels.begin(), Kernels.end());
  llvm::DenseSet<const FunctionDecl *> Seen(Kernels.begin(), Kernels.end());
  for (size_t I = 0; I < Order.size(); ++I) {
    const FunctionDecl *F = Order[I];
    BodyChecker Checker(D, ExternalDefinitions, *Mangler);
    D.setFunction(F);
    // Whole declaration: constructor initialisers are outside the body.
    Checker.TraverseDecl(const_cast<FunctionDecl *>(F));
    for (const BodyChecker::Call &C : Checker.Calls)
      if (Seen.insert(C.Callee).second) {
        Order.push_back(C.Callee);
        D.calledFrom(C.Callee, F, C.Loc);
      }
    Graph[F] = std::move(Checker.Calls);
  }
  checkRecursion(D, Order, Graph);
  return !D.failed();
}

} // namespace dpex
