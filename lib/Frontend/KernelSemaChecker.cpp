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
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
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

// C library functions that dpex-lower-libcalls computes in place.
bool isLoweredLibCall(llvm::StringRef Name) {
  return Name == "div" || Name == "ldiv" || Name == "lldiv";
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

std::string calledFrom(const FunctionDecl *Caller) {
  return std::string("called from ") + (isKernel(Caller) ? "kernel " : "") +
         "'" + describe(Caller) + "' here";
}

// "'a'", "'a' and 'b'", "'a', 'b' and 'c'".
std::string listNames(const std::vector<const FunctionDecl *> &Fns) {
  std::string Out;
  for (size_t I = 0; I < Fns.size(); ++I) {
    if (I)
      Out += I + 1 == Fns.size() ? " and " : ", ";
    Out += "'" + describe(Fns[I]) + "'";
  }
  return Out;
}

struct Call {
  const FunctionDecl *Callee;
  SourceLocation Loc;
};
using CallGraph = llvm::DenseMap<const FunctionDecl *, std::vector<Call>>;

// A violation. Problems are reported once the whole call graph is known,
// so that each can say which kernel reaches it.
using NoteList = std::vector<std::pair<SourceLocation, std::string>>;

struct Problem {
  SourceLocation Loc;
  std::string Text;
  NoteList Notes;
  // For a recursive cycle, the function through which kernels enter it;
  // the message ends with the kernels that reach it.
  const FunctionDecl *Cycle = nullptr;
};

// Collects the violations of each function.
class Diagnoser {
public:
  // The function whose body the errors are in.
  void setFunction(const FunctionDecl *F) { Current = F; }
  // An error, then the note `NoteText` at `NoteLoc` where given.
  void error(SourceLocation Loc, const llvm::Twine &Text,
             SourceLocation NoteLoc = {}, const llvm::Twine &NoteText = {}) {
    Problem P{Loc, Text.str(), {}};
    if (NoteLoc.isValid())
      P.Notes.emplace_back(NoteLoc, NoteText.str());
    add(Current, std::move(P));
  }
  void add(const FunctionDecl *F, Problem P) {
    if (!Problems.count(F))
      Functions.push_back(F);
    Problems[F].push_back(std::move(P));
  }
  // In the order their first problem was found; nullptr holds the kernel
  // signature problems.
  std::vector<const FunctionDecl *> Functions;
  llvm::DenseMap<const FunctionDecl *, std::vector<Problem>> Problems;

private:
  const FunctionDecl *Current = nullptr;
};

// Reports the problems so that each ends at the user's code. A problem in
// user code is reported where it is, followed by the calls through which a
// kernel reaches it. A problem in a system header (the standard library's)
// is reported once per call in user code that reaches it: the error where
// it is, the calls inside the library, then that call in user code and the
// calls from there up to the kernel. One such call that reaches several
// problems (a std::vector allocates and throws) reports only the first.
class Reporter {
public:
  Reporter(ASTContext &Ctx, const Diagnoser &D, const CallGraph &Graph,
           const std::vector<const FunctionDecl *> &Order,
           const std::vector<const FunctionDecl *> &Kernels)
      : Diags(Ctx.getDiagnostics()), SM(Ctx.getSourceManager()), D(D),
        Graph(Graph), Order(Order), Kernels(Kernels) {
    // Breadth-first from all kernels at once: the first call that reaches
    // each function.
    for (const FunctionDecl *F : Order)
      if (auto It = Graph.find(F); It != Graph.end())
        for (const Call &C : It->second)
          if (!llvm::is_contained(Kernels, C.Callee))
            Origins.try_emplace(C.Callee, F, C.Loc);
  }

  void reportAll() {
    if (auto It = D.Problems.find(nullptr); It != D.Problems.end())
      for (const Problem &P : It->second)
        emit(P, "");
    // In each user function, its own problems and its calls into library
    // code that reaches one, in source order.
    for (const FunctionDecl *F : userFunctionsInOrder()) {
      struct Item {
        SourceLocation Loc;
        const Problem *Own;
        const Call *Site;
      };
      std::vector<Item> Items;
      if (auto It = D.Problems.find(F); It != D.Problems.end())
        for (const Problem &P : It->second)
          Items.push_back({P.Loc, &P, nullptr});
      if (auto It = Graph.find(F); It != Graph.end())
        for (const Call &C : It->second)
          if (isLibrary(C.Callee) && libraryProblem(C.Callee).Found)
            Items.push_back({C.Loc, nullptr, &C});
      std::stable_sort(Items.begin(), Items.end(),
                       [&](const Item &A, const Item &B) {
                         return A.Loc.isValid() && B.Loc.isValid() &&
                                SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
                       });
      for (const Item &I : Items) {
        if (I.Own) {
          reportOwn(F, *I.Own);
          continue;
        }
        if (!ReportedSites.insert(I.Site->Loc).second)
          continue;
        const LibraryPath &Path = libraryProblem(I.Site->Callee);
        const Problem &P = D.Problems.find(Path.Found)->second.front();
        emit(P, P.Cycle ? reachedFrom({rootKernel(F)}) : "");
        NoteList Chain;
        for (auto [Caller, Loc] : Path.Calls)
          Chain.emplace_back(Loc, calledFrom(Caller));
        Chain.emplace_back(I.Site->Loc, calledFrom(F));
        callers(F, Origins, Chain);
        noteChain(Chain);
      }
    }
    // Library code that no user call reaches: kernels in system headers.
    for (const FunctionDecl *F : D.Functions)
      if (F && isLibrary(F) && !Covered.count(F))
        for (const Problem &P : D.Problems.find(F)->second)
          reportOwn(F, P);
  }

private:
  DiagnosticsEngine &Diags;
  const SourceManager &SM;
  const Diagnoser &D;
  const CallGraph &Graph;
  const std::vector<const FunctionDecl *> &Order;
  const std::vector<const FunctionDecl *> &Kernels;
  using Parents =
      llvm::DenseMap<const FunctionDecl *,
                     std::pair<const FunctionDecl *, SourceLocation>>;
  Parents Origins;
  llvm::DenseMap<const FunctionDecl *, Parents> FromKernel;
  // The first problem library function `Callee` reaches through library
  // code, and the calls from there back to `Callee` (caller, call).
  struct LibraryPath {
    const FunctionDecl *Found = nullptr;
    std::vector<std::pair<const FunctionDecl *, SourceLocation>> Calls;
  };
  llvm::DenseMap<const FunctionDecl *, LibraryPath> LibraryPaths;
  llvm::DenseSet<const FunctionDecl *> Covered;
  llvm::DenseSet<SourceLocation> ReportedSites;

  bool isLibrary(const FunctionDecl *F) const {
    return inSystemHeader(F->getLocation());
  }

  std::vector<const FunctionDecl *> userFunctionsInOrder() const {
    std::vector<const FunctionDecl *> Out;
    for (const FunctionDecl *F : Order)
      if (!isLibrary(F))
        Out.push_back(F);
    return Out;
  }

  const LibraryPath &libraryProblem(const FunctionDecl *Callee) {
    auto [It, New] = LibraryPaths.try_emplace(Callee);
    if (!New)
      return It->second;
    Parents Via;
    LibraryPath Path;
    std::vector<const FunctionDecl *> Queue = {Callee};
    llvm::DenseSet<const FunctionDecl *> Seen = {Callee};
    // All of it, to know which library functions some user call reaches.
    for (size_t I = 0; I < Queue.size(); ++I) {
      const FunctionDecl *F = Queue[I];
      Covered.insert(F);
      if (!Path.Found && D.Problems.count(F))
        Path.Found = F;
      if (auto G = Graph.find(F); G != Graph.end())
        for (const Call &C : G->second)
          if (isLibrary(C.Callee) && Seen.insert(C.Callee).second) {
            Via.try_emplace(C.Callee, F, C.Loc);
            Queue.push_back(C.Callee);
          }
    }
    for (const FunctionDecl *G = Path.Found; G && G != Callee;) {
      auto [Caller, Loc] = Via.find(G)->second;
      Path.Calls.emplace_back(Caller, Loc);
      G = Caller;
    }
    // The map may have grown: look the entry up again.
    return LibraryPaths[Callee] = std::move(Path);
  }

  const Parents &fromKernel(const FunctionDecl *K) {
    auto [It, New] = FromKernel.try_emplace(K);
    if (!New)
      return It->second;
    Parents Via;
    std::vector<const FunctionDecl *> Queue = {K};
    for (size_t I = 0; I < Queue.size(); ++I)
      if (auto G = Graph.find(Queue[I]); G != Graph.end())
        for (const Call &C : G->second)
          if (C.Callee != K &&
              Via.try_emplace(C.Callee, Queue[I], C.Loc).second)
            Queue.push_back(C.Callee);
    return FromKernel[K] = std::move(Via);
  }

  const FunctionDecl *rootKernel(const FunctionDecl *F) const {
    for (auto It = Origins.find(F); It != Origins.end(); It = Origins.find(F))
      F = It->second.first;
    return F;
  }

  static std::string reachedFrom(const std::vector<const FunctionDecl *> &Ks) {
    return " (reached from kernel" + std::string(Ks.size() > 1 ? "s " : " ") +
           listNames(Ks) + ")";
  }

  void reportOwn(const FunctionDecl *F, const Problem &P) {
    if (!P.Cycle) {
      emit(P, "");
      noteCallers(F, Origins);
      return;
    }
    // A cycle names every kernel that reaches it, and how.
    std::vector<const FunctionDecl *> Reaching;
    for (const FunctionDecl *K : Kernels)
      if (K == P.Cycle || fromKernel(K).count(P.Cycle))
        Reaching.push_back(K);
    emit(P, reachedFrom(Reaching));
    for (const FunctionDecl *K : Reaching)
      noteCallers(P.Cycle, fromKernel(K));
  }

  void emit(const Problem &P, const std::string &Suffix) {
    report(DiagnosticsEngine::Error, P.Loc, P.Text + Suffix);
    for (const auto &[Loc, Text] : P.Notes)
      note(Loc, Text);
  }

  // The calls from `F` back up to the kernel at the root of `Via`.
  static void callers(const FunctionDecl *F, const Parents &Via,
                      NoteList &Chain) {
    for (auto It = Via.find(F); It != Via.end(); It = Via.find(F)) {
      Chain.emplace_back(It->second.second, calledFrom(It->second.first));
      F = It->second.first;
    }
  }
  void noteCallers(const FunctionDecl *F, const Parents &Via) {
    NoteList Chain;
    callers(F, Via, Chain);
    noteChain(Chain);
  }

  // Calls inside system headers matter less than where the user's code
  // enters them: of a longer run, the first and the last are shown.
  void noteChain(const NoteList &Chain) {
    for (size_t I = 0; I < Chain.size(); ++I) {
      size_t End = I;
      while (End < Chain.size() && inSystemHeader(Chain[End].first))
        ++End;
      note(Chain[I].first, Chain[I].second);
      if (End - I > 3) {
        note({}, "(" + std::to_string(End - I - 2) +
                     " calls inside system headers not shown)");
        I = End - 1;
        note(Chain[I].first, Chain[I].second);
      }
    }
  }
  bool inSystemHeader(SourceLocation Loc) const {
    return SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  }

  void note(SourceLocation Loc, const std::string &Text) {
    report(DiagnosticsEngine::Note, Loc, Text);
  }
  void report(DiagnosticsEngine::Level Level, SourceLocation Loc,
              const std::string &Text) {
    Diags.Report(Loc, Diags.getCustomDiagID(Level, "%0")) << Text;
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

  std::vector<Call> Calls;
  // Destructors run at the end of their scope: after the calls, so that a
  // problem in construction is the one reported first.
  std::vector<Call> Destructions;

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
    // Once per struct: each of its accesses would say the same.
    if (const auto *F = llvm::dyn_cast<FieldDecl>(E->getMemberDecl()))
      if (auto Problem = unsupportedBitField(F, Ctx))
        if (BitFieldsReported.insert(F->getParent()).second)
          D.error(E->getMemberLoc(),
                  "bit-field '" + F->getNameAsString() + "' of '" +
                      F->getParent()->getNameAsString() + "' is " + *Problem);
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
    else if (VD->isStaticLocal() && isWorkGroupVariable(VD))
      checkWorkGroupVariable(VD);
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
    // std::allocator calls these: the global operator new and delete, or
    // the built-ins that stand for them.
    if (Callee->isReplaceableGlobalAllocationFunction() ||
        Callee->getBuiltinID() == Builtin::BI__builtin_operator_new ||
        Callee->getBuiltinID() == Builtin::BI__builtin_operator_delete) {
      bool New =
          Callee->getDeclName().getCXXOverloadedOperator() == OO_New ||
          Callee->getDeclName().getCXXOverloadedOperator() == OO_Array_New ||
          Callee->getBuiltinID() == Builtin::BI__builtin_operator_new;
      D.error(E->getBeginLoc(),
              std::string("dynamic allocation is not supported in device "
                          "code: 'operator ") +
                  (New ? "new" : "delete") + "' is not allowed");
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
  llvm::SmallPtrSet<const RecordDecl *, 4> BitFieldsReported;

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

  // A variable in local memory (the work-group's).
  static bool isWorkGroupVariable(const VarDecl *VD) {
    LangAS Space =
        VD->getASTContext().getBaseElementType(VD->getType()).getAddressSpace();
    // dpexc parses in SYCL device mode, where opencl_local means sycl_local.
    return Space == LangAS::sycl_local || Space == LangAS::opencl_local;
  }

  // A static local in local memory is one variable per work-group, as CUDA's
  // __shared__; nothing initialises it, so it may not have an initializer.
  void checkWorkGroupVariable(const VarDecl *VD) {
    const Expr *Init = VD->getInit();
    const auto *Construct =
        Init ? llvm::dyn_cast<CXXConstructExpr>(Init) : nullptr;
    if (Init && !(Construct && Construct->getConstructor()->isTrivial()) &&
        !VD->hasAttr<LoaderUninitializedAttr>())
      D.error(VD->getLocation(),
              "work-group variable '" + VD->getName().str() +
                  "' cannot have an initializer; work-items must write it "
                  "before a group_barrier");
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
        noteCall(DD, Loc, /*Destruction=*/true);
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

  void noteCall(const FunctionDecl *Callee, SourceLocation Loc,
                bool Destruction = false) {
    const FunctionDecl *Def = nullptr;
    if (Callee->hasBody(Def)) {
      (Destruction ? Destructions : Calls).push_back({Def, Loc});
      return;
    }
    if (Callee->getBuiltinID() != 0 || Callee->isDeleted() ||
        Callee->getName().startswith("__dpex_") ||
        // SPIR-V friendly built-ins of <dpex/kernel.hpp>; the translator
        // emits them as instructions.
        Callee->getName().startswith("__spirv_") ||
        (Callee->isExternC() && (isDeviceLibm(Callee->getName()) ||
                                 isLoweredLibCall(Callee->getName()))) ||
        External.count(mangle(Callee)))
      return;
    // libstdc++ throws through these (std::__throw_length_error, ...),
    // defined in its shared library.
    if (Callee->isInStdNamespace() && Callee->getIdentifier() &&
        Callee->getName().startswith("__throw_")) {
      D.error(Loc, "exceptions are not supported in device code: '" +
                       describe(Callee) + "' throws");
      return;
    }
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
  // Devices have power-of-two sub-group sizes; Intel's OpenCL runtime fails
  // to build the whole image for another.
  for (const auto *A : Kernel->specific_attrs<AnnotateAttr>()) {
    if (A->getAnnotation() != "dpex.reqd_sub_group_size" || A->args_size() != 1)
      continue;
    llvm::Optional<llvm::APSInt> N =
        (*A->args_begin())->getIntegerConstantExpr(Kernel->getASTContext());
    if (!N || N->isNegative() || !N->isPowerOf2() || N->getZExtValue() > 64)
      D.error(A->getLocation(),
              "kernel '" + Name +
                  "': DPEX_REQD_SUB_GROUP_SIZE takes a power of two from 1 "
                  "to 64 (a sub-group size devices have)");
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

// Reports each recursive cycle of the device call graph once, at the call
// that closes its shortest loop through the function kernels reach first.
void checkRecursion(Diagnoser &D,
                    const std::vector<const FunctionDecl *> &Order,
                    const CallGraph &Graph) {
  // Tarjan's strongly connected components.
  llvm::DenseMap<const FunctionDecl *, unsigned> Index, Low;
  llvm::DenseSet<const FunctionDecl *> OnStack;
  std::vector<const FunctionDecl *> Stack;
  std::vector<std::vector<const FunctionDecl *>> Components;
  std::function<void(const FunctionDecl *)> Visit = [&](const FunctionDecl *F) {
    Index[F] = Low[F] = Index.size();
    Stack.push_back(F);
    OnStack.insert(F);
    if (auto It = Graph.find(F); It != Graph.end())
      for (const Call &C : It->second) {
        if (!Index.count(C.Callee)) {
          Visit(C.Callee);
          Low[F] = std::min(Low[F], Low[C.Callee]);
        } else if (OnStack.count(C.Callee)) {
          Low[F] = std::min(Low[F], Index[C.Callee]);
        }
      }
    if (Low[F] != Index[F])
      return;
    std::vector<const FunctionDecl *> Component;
    const FunctionDecl *G;
    do {
      G = Stack.back();
      Stack.pop_back();
      OnStack.erase(G);
      Component.push_back(G);
    } while (G != F);
    Components.push_back(std::move(Component));
  };
  for (const FunctionDecl *F : Order)
    if (!Index.count(F))
      Visit(F);

  llvm::DenseMap<const FunctionDecl *, size_t> Position;
  for (size_t I = 0; I < Order.size(); ++I)
    Position[Order[I]] = I;
  for (const std::vector<const FunctionDecl *> &Component : Components) {
    llvm::DenseSet<const FunctionDecl *> Members(Component.begin(),
                                                 Component.end());
    const FunctionDecl *Entry =
        *std::min_element(Component.begin(), Component.end(),
                          [&](const FunctionDecl *A, const FunctionDecl *B) {
                            return Position.lookup(A) < Position.lookup(B);
                          });
    // Breadth-first from the entry, inside the component, to the first call
    // back to it.
    llvm::DenseMap<const FunctionDecl *,
                   std::pair<const FunctionDecl *, SourceLocation>>
        Via;
    std::vector<const FunctionDecl *> Queue = {Entry};
    const FunctionDecl *Closer = nullptr;
    SourceLocation CloseLoc;
    for (size_t I = 0; I < Queue.size() && !Closer; ++I) {
      auto It = Graph.find(Queue[I]);
      if (It == Graph.end())
        continue;
      for (const Call &C : It->second) {
        if (C.Callee == Entry) {
          Closer = Queue[I];
          CloseLoc = C.Loc;
          break;
        }
        if (Members.count(C.Callee) &&
            Via.try_emplace(C.Callee, Queue[I], C.Loc).second)
          Queue.push_back(C.Callee);
      }
    }
    if (!Closer)
      continue; // A single function that does not call itself.
    std::vector<std::pair<const FunctionDecl *, SourceLocation>> Path;
    for (const FunctionDecl *F = Closer; F != Entry;) {
      auto [Caller, Loc] = Via.find(F)->second;
      Path.emplace_back(F, Loc);
      F = Caller;
    }
    std::reverse(Path.begin(), Path.end());
    Problem P{CloseLoc,
              "recursion is not allowed in device code: '" + describe(Entry) +
                  "' calls itself",
              {},
              Entry};
    std::vector<const FunctionDecl *> Through;
    const FunctionDecl *Caller = Entry;
    for (auto [Callee, Loc] : Path) {
      Through.push_back(Callee);
      P.Notes.emplace_back(Loc, "'" + describe(Caller) + "' calls '" +
                                    describe(Callee) + "' here");
      Caller = Callee;
    }
    if (!Through.empty())
      P.Text += " through " + listNames(Through);
    D.add(Closer, std::move(P));
  }
}

} // namespace

EntryPoints findEntryPoints(ASTContext &Ctx) {
  KernelFinder Finder;
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  return {{Finder.Kernels.begin(), Finder.Kernels.end()},
          {Finder.DeviceFunctions.begin(), Finder.DeviceFunctions.end()}};
}

bool checkKernels(ASTContext &Ctx,
                  const std::vector<const FunctionDecl *> &Kernels,
                  const std::set<std::string> &ExternalDefinitions) {
  Diagnoser D;
  std::unique_ptr<MangleContext> Mangler(Ctx.createMangleContext());
  for (const FunctionDecl *K : Kernels)
    checkSignature(D, K);

  // Breadth-first over everything the kernels can call, each body once.
  CallGraph Graph;
  std::vector<const FunctionDecl *> Order(Kernels.begin(), Kernels.end());
  llvm::DenseSet<const FunctionDecl *> Seen(Kernels.begin(), Kernels.end());
  for (size_t I = 0; I < Order.size(); ++I) {
    const FunctionDecl *F = Order[I];
    BodyChecker Checker(D, ExternalDefinitions, *Mangler);
    D.setFunction(F);
    // Whole declaration: constructor initialisers are outside the body.
    Checker.TraverseDecl(const_cast<FunctionDecl *>(F));
    // RecursiveASTVisitor leaves the body of a lambda's call operator to the
    // lambda expression, which the checker skips.
    if (const auto *MD = llvm::dyn_cast<CXXMethodDecl>(F);
        MD && MD->getParent()->isLambda() &&
        declaresSameEntity(MD->getParent()->getLambdaCallOperator(), MD))
      Checker.TraverseStmt(MD->getBody());
    llvm::append_range(Checker.Calls, Checker.Destructions);
    for (const Call &C : Checker.Calls)
      if (Seen.insert(C.Callee).second)
        Order.push_back(C.Callee);
    Graph[F] = std::move(Checker.Calls);
  }
  checkRecursion(D, Order, Graph);
  Reporter(Ctx, D, Graph, Order, Kernels).reportAll();
  return D.Functions.empty();
}

} // namespace dpex
