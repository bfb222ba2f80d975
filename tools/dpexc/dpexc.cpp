// dpexc: the command line (Options.td) and its translation into
// dpex::CompilerOptions; the compiler lives in lib/.
#include "Commit.h"

#include "dpex/compiler/Driver.h"
#include "dpex/compiler/Targets.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Option/Arg.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

namespace {

using namespace llvm::opt;

enum ID {
  OPT_INVALID = 0,
#define OPTION(PREFIX, NAME, ID, KIND, GROUP, ALIAS, ALIASARGS, FLAGS, PARAM,  \
               HELPTEXT, METAVAR, VALUES)                                      \
  OPT_##ID,
#include "Options.inc"
#undef OPTION
};

#define PREFIX(NAME, VALUE) const char *const NAME[] = VALUE;
#include "Options.inc"
#undef PREFIX

const OptTable::Info InfoTable[] = {
#define OPTION(PREFIX, NAME, ID, KIND, GROUP, ALIAS, ALIASARGS, FLAGS, PARAM,  \
               HELPTEXT, METAVAR, VALUES)                                      \
  {PREFIX, NAME,  HELPTEXT,    METAVAR,     OPT_##ID,  Option::KIND##Class,    \
   PARAM,  FLAGS, OPT_##GROUP, OPT_##ALIAS, ALIASARGS, VALUES},
#include "Options.inc"
#undef OPTION
};

class DpexcOptTable : public OptTable {
public:
  DpexcOptTable() : OptTable(InfoTable) {}
};

// Usage errors: "dpexc: error: ...", exit status 2.
int usageError(const llvm::Twine &Message) {
  dpex::printDiagnostic(llvm::errs(), dpex::DiagLevel::Error, "dpexc",
                        Message.str());
  return 2;
}

// Installed layout: <prefix>/bin/dpexc next to <prefix>/include/dpex.
std::string installedIncludeDir(const char *Argv0) {
  std::string Exe =
      llvm::sys::fs::getMainExecutable(Argv0, (void *)&installedIncludeDir);
  llvm::SmallString<256> Dir(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Dir, "include");
  llvm::SmallString<256> Header(Dir);
  llvm::sys::path::append(Header, "dpex", "kernel.hpp");
  return llvm::sys::fs::exists(Header) ? std::string(Dir) : std::string();
}

// -O<level> as clang reads it: -O is -O1; -Os and -Oz are -O2, which is
// what clang's size levels optimise like (device code has no size levels).
std::optional<unsigned> parseOptLevel(llvm::StringRef Level) {
  return llvm::StringSwitch<std::optional<unsigned>>(Level)
      .Case("0", 0)
      .Case("1", 1)
      .Case("2", 2)
      .Case("3", 3)
      .Cases("s", "z", 2)
      .Default(std::nullopt);
}

// The last --emit, --targets, --cuda-arch as a list; every other check
// that makes the command line unusable. Returns 0 or the exit status.
int translate(const InputArgList &Args, dpex::CompilerOptions &Opts) {
  std::string Bad;
  std::string Emit = Args.getLastArgValue(OPT_emit_EQ, "spirv,stub").str();
  if (!dpex::parseEmitList(Emit, Opts.Emit, Bad) || Opts.Emit.empty())
    return usageError("unknown --emit kind '" + Bad +
                      "' (expected spirv, stub, llvm, spirv-asm, ptx, "
                      "device-lib, spir)");
  std::string Targets =
      Args.getLastArgValue(OPT_targets_EQ, "spirv,spir,cuda").str();
  if (!dpex::parseTargetList(Targets, Opts.Targets, Bad))
    return usageError("unknown --targets entry '" + Bad +
                      "' (expected spirv, spir, cuda)");
  dpex::CudaImageOptions &CUDA = Opts.CUDA;
  CUDA.SASS = Args.hasArg(OPT_cuda_sass);
  std::string CudaArchs =
      Args.getLastArgValue(OPT_cuda_arch_EQ, dpex::cudaArchList(CUDA.Archs))
          .str();
  if (!dpex::parseCudaArchList(CudaArchs, CUDA.Archs, Bad))
    return usageError("unsupported --cuda-arch '" + Bad + "' " +
                      dpex::expectedCudaArchs());
  CUDA.LibDevice = Args.getLastArgValue(OPT_cuda_libdevice_EQ).str();
  CUDA.Ptxas = Args.getLastArgValue(OPT_ptxas_EQ).str();

  dpex::FrontendOptions &FE = Opts.Frontend;
  for (const Arg *A : Args.filtered(OPT_I, OPT_isystem, OPT_include_, OPT_D,
                                    OPT_U, OPT_W_Joined)) {
    std::string Value = A->getValue();
    switch (A->getOption().getID()) {
    case OPT_I:
      FE.IncludeDirs.push_back(Value);
      break;
    case OPT_isystem:
      FE.SystemIncludeDirs.push_back(Value);
      break;
    case OPT_include_:
      FE.ForcedIncludes.push_back(Value);
      break;
    case OPT_D:
    case OPT_U:
      FE.Macros.push_back({Value, A->getOption().matches(OPT_U)});
      break;
    case OPT_W_Joined:
      FE.Warnings.push_back(Value);
      break;
    }
  }
  FE.NoWarnings = Args.hasArg(OPT_w);
  FE.Standard = Args.getLastArgValue(OPT_std_EQ, FE.Standard).str();
  if (const Arg *A = Args.getLastArg(OPT_O)) {
    std::optional<unsigned> Level = parseOptLevel(A->getValue());
    if (!Level)
      return usageError("invalid optimisation level '" + A->getAsString(Args) +
                        "' (expected -O0, -O1, -O2, -O3, -O, -Os or -Oz)");
    FE.OptLevel = *Level;
  }
  // Of -g and -gline-tables-only, the fuller wins; -g0 cancels both
  // where it comes after them.
  FE.Debug = dpex::DebugInfo::None;
  for (const Arg *A : Args.filtered(OPT_g, OPT_gline_tables_only, OPT_g0)) {
    if (A->getOption().matches(OPT_g0))
      FE.Debug = dpex::DebugInfo::None;
    else if (A->getOption().matches(OPT_g))
      FE.Debug = dpex::DebugInfo::Full;
    else if (FE.Debug == dpex::DebugInfo::None)
      FE.Debug = dpex::DebugInfo::LineTablesOnly;
  }
  FE.FastMath = Args.hasFlag(OPT_ffast_math, OPT_fno_fast_math, false);
  FE.ShowColors =
      Args.hasFlag(OPT_fcolor_diagnostics, OPT_fno_color_diagnostics,
                   llvm::errs().has_colors());
  FE.CompilationDatabaseDir = Args.getLastArgValue(OPT_p).str();

  Opts.DeviceLibs = Args.getAllArgValues(OPT_device_lib_EQ);
  Opts.OutputPrefix = Args.getLastArgValue(OPT_o).str();
  if (Args.hasArg(OPT_MD, OPT_MMD)) {
    Opts.DepFile = Args.getLastArgValue(OPT_MF).str();
    if (Opts.DepFile.empty())
      Opts.DepFile = (Opts.OutputPrefix.empty()
                          ? llvm::sys::path::stem(Opts.Sources.front()).str()
                          : Opts.OutputPrefix) +
                     ".d";
    // -MMD leaves system headers out, unless -MD is given too.
    FE.SystemDependencies = Args.hasArg(OPT_MD);
    Opts.DepFileTargets = Args.getAllArgValues(OPT_MT);
  }
  Opts.SyntaxOnly = Args.hasArg(OPT_fsyntax_only);
  Opts.PrintCommands = Args.hasArg(OPT__HASH_HASH_HASH);
  Opts.ListKernels = Args.hasArg(OPT_list_kernels);
  Opts.SPIRV.Validate = !Args.hasArg(OPT_no_validate);
  Opts.SPIRV.WarpGroupAlgorithms =
      Args.hasArg(OPT_warp_group_algorithms_in_spirv);
  Opts.Verbose = Args.hasArg(OPT_v);
  Opts.TimePasses = Args.hasArg(OPT_time_passes);
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM X(argc, argv);
  DpexcOptTable Table;
  unsigned MissingIndex = 0, MissingCount = 0;
  InputArgList Args = Table.ParseArgs(llvm::makeArrayRef(argv + 1, argc - 1),
                                      MissingIndex, MissingCount);
  // Usage errors are coloured as the compile's diagnostics would be.
  llvm::errs().enable_colors(Args.hasFlag(OPT_fcolor_diagnostics,
                                          OPT_fno_color_diagnostics,
                                          llvm::errs().has_colors()));

  if (Args.hasArg(OPT_help)) {
    Table.printHelp(llvm::outs(), "dpexc [options] <source.cpp>...",
                    "dpexc: compiles annotated C++ kernels to SPIR-V, PTX and "
                    "typed launcher stubs",
                    /*FlagsToInclude=*/0, /*FlagsToExclude=*/0,
                    /*ShowAllAliases=*/false);
    llvm::outs() << "\nCUDA ARCHS:\n  PTX and SASS: "
                 << dpex::cudaArchList(dpex::supportedCudaArchs())
                 << "\n  SASS only (--cuda-sass): "
                 << dpex::cudaArchList(dpex::sassOnlyCudaArchs()) << "\n";
    return 0;
  }
  if (Args.hasArg(OPT_version)) {
    llvm::outs() << "dpexc " << dpex::versionString() << " (commit "
                 << DPEX_COMMIT << ")\n";
    for (const std::string &V : dpex::componentVersions())
      llvm::outs() << V << "\n";
    return 0;
  }
  if (MissingCount)
    return usageError("argument to '" +
                      llvm::StringRef(Args.getArgString(MissingIndex)) +
                      "' is missing (expected " + llvm::Twine(MissingCount) +
                      " value" + (MissingCount > 1 ? "s" : "") + ")");
  for (const Arg *A : Args.filtered(OPT_UNKNOWN)) {
    std::string Spelling = A->getAsString(Args), Nearest;
    if (Table.findNearest(Spelling, Nearest) <= 1)
      return usageError("unknown argument '" + Spelling + "'; did you mean '" +
                        Nearest + "'?");
    return usageError("unknown argument '" + Spelling + "'");
  }

  dpex::CompilerOptions Opts;
  Opts.Sources = Args.getAllArgValues(OPT_INPUT);
  // translate() names default outputs after the first source.
  if (Opts.Sources.empty())
    return usageError("no input files");
  if (int Status = translate(Args, Opts))
    return Status;
  // The library's rules, as usage errors: runCompiler would reject the same.
  if (llvm::Error E = dpex::checkOptions(Opts))
    return usageError(llvm::toString(std::move(E)));
  Opts.Frontend.DpexIncludeDir = installedIncludeDir(argv[0]);
  return dpex::runCompiler(Opts, llvm::outs(), llvm::errs());
}
