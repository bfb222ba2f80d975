// dpex-opt: runs any dpex pass (lib/Transforms/PassRegistry.def) or LLVM
// pass on an IR file, so each lowering can be tested alone. Against an LLVM
// built with assertions, -stats counts what the passes changed and
// -debug-only=<pass name> traces one pass.
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

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "dpex pass runner\n");
  LLVMContext Ctx;
  Ctx.setOpaquePointers(false);
  SMDiagnostic Diag;
  std::unique_ptr<Module> M = parseIRFile(Input, Diag, Ctx);
  if (!M) {
    Diag.print(argv[0], errs());
    return 1;
  }

  if (Error E = dpex::runModulePasses(
          *M, [](PassBuilder &PB, ModulePassManager &MPM) {
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
