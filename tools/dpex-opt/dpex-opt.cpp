// dpex-opt: runs any dpex pass (lib/Transforms/PassRegistry.def,
// lib/Targets/TargetPassRegistry.def) or LLVM pass on an IR file, so each
// lowering can be tested alone, in the pointer mode production runs it in.
// Against an LLVM built with assertions, -stats counts what the passes
// changed and -debug-only=<pass name> traces one pass.
#include "dpex/compiler/TargetPasses.h"
#include "dpex/compiler/Transforms.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace llvm;

static cl::opt<std::string> Input(cl::Positional, cl::desc("<input .ll/.bc>"),
                                  cl::init("-"));
static cl::opt<std::string> Output("o", cl::desc("Output file"), cl::init("-"));
static cl::opt<std::string>
    Passes("passes", cl::desc("Pass pipeline, e.g. dpex-lower-kernel-abi"),
           cl::Required);
// The pointer mode production runs the pipeline's passes in: that of its
// image builder passes (all of one builder), typed pointers for the device
// pipeline's passes.
static bool productionUsesOpaquePointers(StringRef Pipeline) {
  SmallVector<StringRef, 8> Names;
  Pipeline.split(Names, ',');
  for (StringRef Name : Names)
    if (std::optional<bool> Opaque =
            dpex::targetPassUsesOpaquePointers(Name.trim()))
      return *Opaque;
  return false;
}

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "dpex pass runner\n");
  LLVMContext Ctx;
  // LLVM's own -opaque-pointers, where given, overrides the production mode.
  auto *Given = static_cast<cl::opt<bool> *>(
      cl::getRegisteredOptions().lookup("opaque-pointers"));
  Ctx.setOpaquePointers(Given && Given->getNumOccurrences()
                            ? Given->getValue()
                            : productionUsesOpaquePointers(Passes));
  SMDiagnostic Diag;
  std::unique_ptr<Module> M = parseIRFile(Input, Diag, Ctx);
  if (!M) {
    Diag.print(argv[0], errs());
    return 1;
  }

  if (Error E = dpex::runModulePasses(
          *M, [](PassBuilder &PB, ModulePassManager &MPM) {
            dpex::registerTargetPasses(PB);
            return dpex::buildPipelineFromText(PB, MPM, Passes);
          })) {
    errs() << argv[0] << ": error: " << toString(std::move(E)) << "\n";
    return 2;
  }
  if (verifyModule(*M, &errs())) {
    errs() << argv[0] << ": error: the pipeline produced invalid IR\n";
    return 1;
  }
  std::error_code EC;
  ToolOutputFile Out(Output, EC, sys::fs::OF_Text);
  if (EC) {
    errs() << argv[0] << ": error: " << EC.message() << "\n";
    return 1;
  }
  M->print(Out.os(), nullptr);
  Out.keep();
  return 0;
}
