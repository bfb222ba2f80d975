// -gline-tables-only for the PTX image: line tables as nvcc's -lineinfo
// writes them. The compile units become DebugDirectivesOnly, for which
// NVPTX writes `.file`/`.loc` but neither DWARF sections nor the `debug`
// target that makes the driver compile without optimisation. The module's
// other debug info goes first.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Module.h"

#define DEBUG_TYPE "dpex-nvptx-keep-line-directives"

using namespace llvm;

namespace dpex {

PreservedAnalyses NVPTXLineDirectivesPass::run(Module &M,
                                               ModuleAnalysisManager &) {
  bool Changed = stripNonLineTableDebugInfo(M);
  NamedMDNode *Units = M.getNamedMetadata("llvm.dbg.cu");
  if (!Units)
    return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
  DenseMap<DICompileUnit *, DICompileUnit *> Directives;
  for (unsigned I = 0; I < Units->getNumOperands(); ++I) {
    auto *CU = cast<DICompileUnit>(Units->getOperand(I));
    auto *New = DICompileUnit::getDistinct(
        M.getContext(), CU->getSourceLanguage(), CU->getFile(),
        CU->getProducer(), CU->isOptimized(), CU->getFlags(),
        CU->getRuntimeVersion(), CU->getSplitDebugFilename(),
        DICompileUnit::DebugDirectivesOnly, {}, {}, {}, {}, {}, CU->getDWOId(),
        CU->getSplitDebugInlining(), CU->getDebugInfoForProfiling(),
        CU->getNameTableKind(), CU->getRangesBaseAddress(), CU->getSysRoot(),
        CU->getSDK());
    Directives[CU] = New;
    Units->setOperand(I, New);
  }
  // Inlined functions' subprograms too, which no function holds any more.
  DebugInfoFinder Finder;
  Finder.processModule(M);
  for (DISubprogram *SP : Finder.subprograms())
    if (auto It = Directives.find(SP->getUnit()); It != Directives.end())
      SP->replaceUnit(It->second);
  return PreservedAnalyses::none();
}

} // namespace dpex
