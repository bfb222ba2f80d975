// dpexc's command line: clang's spellings for what clang also does, so that
// a build passes the same -I, -D, -std, -O, -g, -W, -M flags to both.
// Every spelling dpexc accepted before stays, as an alias hidden from --help.
include "llvm/Option/OptParser.td"

class F<string name, string help> : Flag<["-"], name>, HelpText<help>;
class LongF<string name, string help> : Flag<["--"], name>, HelpText<help>;

// `--name=value` and `--name value`.
multiclass LongEq<string name, string meta, string help> {
  def NAME#_EQ : Joined<["--"], name#"=">, HelpText<help>, MetaVarName<meta>;
  def : Separate<["--"], name>, Alias<!cast<Option>(NAME#"_EQ")>;
}

def grp_input : OptionGroup<"grp_input">, HelpText<"INPUT AND OUTPUT">;
def grp_pp : OptionGroup<"grp_pp">, HelpText<"PREPROCESSOR">;
def grp_codegen : OptionGroup<"grp_codegen">, HelpText<"CODE GENERATION">;
def grp_cuda : OptionGroup<"grp_cuda">, HelpText<"CUDA IMAGES">;
def grp_diag : OptionGroup<"grp_diag">, HelpText<"DIAGNOSTICS">;
def grp_dep : OptionGroup<"grp_dep">, HelpText<"DEPENDENCY FILE">;
def grp_misc : OptionGroup<"grp_misc">, HelpText<"OTHER">;

// Input and output.
def o : JoinedOrSeparate<["-"], "o">, Group<grp_input>, MetaVarName<"<prefix>">,
  HelpText<"Output prefix; each output appends its suffix (default: the first source's stem)">;
defm emit : LongEq<"emit", "<list>",
  "Outputs: spirv,stub (default), llvm, spirv-asm, spir, ptx, device-lib">, Group<grp_input>;
defm targets : LongEq<"targets", "<list>",
  "Images embedded in the stub: spirv (always), spir, cuda (default: all)">, Group<grp_input>;
defm device_lib : LongEq<"device-lib", "<file.bc>",
  "Link a device library written by --emit=device-lib">, Group<grp_input>;
def fsyntax_only : F<"fsyntax-only",
  "Parse and check the kernel-language rules; write nothing">, Group<grp_input>;
def list_kernels : LongF<"list-kernels",
  "Print the kernels and their signatures as JSON on stdout">, Group<grp_input>;
def no_validate : LongF<"no-validate", "Skip the SPIR-V validation">, Group<grp_input>;
// A test hook, without help text so --help hides it: the SPIR-V image gets
// the work-group algorithms' warp-then-block path (built on sub-groups),
// which only the PTX image ships, so Intel's CPU runtime can run it.
def warp_group_algorithms_in_spirv : Flag<["--"], "test-warp-group-algorithms-in-spirv">,
  Group<grp_input>;

// Preprocessor.
def I : JoinedOrSeparate<["-"], "I">, Group<grp_pp>, MetaVarName<"<dir>">,
  HelpText<"Add a directory to the include search path">;
def isystem : JoinedOrSeparate<["-"], "isystem">, Group<grp_pp>, MetaVarName<"<dir>">,
  HelpText<"Add a system include directory (no warnings from its headers)">;
def include_ : JoinedOrSeparate<["-"], "include">, Group<grp_pp>, MetaVarName<"<file>">,
  HelpText<"Include <file> before the source">;
def D : JoinedOrSeparate<["-"], "D">, Group<grp_pp>, MetaVarName<"<macro>=<value>">,
  HelpText<"Define <macro> (to <value>, or to 1)">;
def U : JoinedOrSeparate<["-"], "U">, Group<grp_pp>, MetaVarName<"<macro>">,
  HelpText<"Undefine <macro>">;
def std_EQ : Joined<["-"], "std=">, Group<grp_pp>, MetaVarName<"<std>">,
  HelpText<"Language standard: c++17 (default), c++20, gnu++17, gnu++20">;
def : Joined<["--"], "std=">, Alias<std_EQ>;
def : Separate<["--"], "std">, Alias<std_EQ>;
def p : Separate<["-"], "p">, Group<grp_pp>, MetaVarName<"<build-dir>">,
  HelpText<"Read -I, -isystem, -D, -U, -std from <build-dir>/compile_commands.json">;
def : Joined<["-"], "p=">, Alias<p>;

// Code generation.
def O : Joined<["-"], "O">, Group<grp_codegen>, MetaVarName<"<level>">,
  HelpText<"Optimisation level: 0, 1, 2 (default), 3; -O is -O1, -Os and -Oz are -O2">;
def O_flag : Flag<["-"], "O">, Alias<O>, AliasArgs<["1"]>;
def g : F<"g", "Debug info in every image">, Group<grp_codegen>;
def gline_tables_only : F<"gline-tables-only",
  "Line tables only (PTX: .loc lines, as nvcc -lineinfo)">, Group<grp_codegen>;
def : Flag<["--"], "gline-tables-only">, Alias<gline_tables_only>;
def g0 : F<"g0", "No debug info (cancels an earlier -g or -gline-tables-only)">,
  Group<grp_codegen>;
def ffast_math : F<"ffast-math", "Relaxed floating point, as clang's -ffast-math">,
  Group<grp_codegen>;
def : Flag<["--"], "ffast-math">, Alias<ffast_math>;
def fno_fast_math : F<"fno-fast-math", "Strict floating point (the default)">,
  Group<grp_codegen>;

// CUDA.
defm cuda_arch : LongEq<"cuda-arch", "<list>",
  "PTX archs, one image each (default: sm_50,sm_80)">, Group<grp_cuda>;
defm cuda_libdevice : LongEq<"cuda-libdevice", "<file.bc>",
  "libdevice.10.bc for the PTX math, or 'none' for libclc's">, Group<grp_cuda>;
def cuda_sass : LongF<"cuda-sass", "Also embed SASS built by ptxas for each --cuda-arch">,
  Group<grp_cuda>;
defm ptxas : LongEq<"ptxas", "<file>", "The ptxas for --cuda-sass">, Group<grp_cuda>;

// Diagnostics.
def W_Joined : Joined<["-"], "W">, Group<grp_diag>, MetaVarName<"<warning>">,
  HelpText<"Enable a warning (-Wall, -Wno-<warning>, -Werror, -Werror=<warning>)">;
def w : F<"w", "Suppress all warnings">, Group<grp_diag>;
def fcolor_diagnostics : F<"fcolor-diagnostics",
  "Colour the diagnostics (default: when stderr is a terminal)">, Group<grp_diag>;
def fno_color_diagnostics : F<"fno-color-diagnostics", "Do not colour the diagnostics">,
  Group<grp_diag>;
def : Flag<["-"], "fdiagnostics-color">, Alias<fcolor_diagnostics>;
def : Flag<["-"], "fno-diagnostics-color">, Alias<fno_color_diagnostics>;

// Dependency file.
def MD : F<"MD", "Write a Make depfile (default name: <prefix>.d)">, Group<grp_dep>;
def : Flag<["--"], "MD">, Alias<MD>;
def MMD : F<"MMD", "As -MD, without system headers">, Group<grp_dep>;
def MF : JoinedOrSeparate<["-"], "MF">, Group<grp_dep>, MetaVarName<"<file>">,
  HelpText<"The depfile's path">;
def : Separate<["--"], "MF">, Alias<MF>;
def : Joined<["--"], "MF=">, Alias<MF>;
def MT : JoinedOrSeparate<["-"], "MT">, Group<grp_dep>, MetaVarName<"<target>">,
  HelpText<"The depfile's target (repeatable; default: every output)">;
def MP : F<"MP", "An empty rule per header (always written)">, Group<grp_dep>;

// Miscellaneous.
def _HASH_HASH_HASH : Flag<["-"], "###">, Group<grp_misc>,
  HelpText<"Print the frontend invocation and each stage; run nothing">;
def v : F<"v", "Print each stage on stderr as it starts">, Group<grp_misc>;
def time_passes : LongF<"time-passes", "Print the time of each stage">, Group<grp_misc>;
def version : LongF<"version", "Print the versions of dpexc and its components">,
  Group<grp_misc>;
def help : LongF<"help", "Print this option summary">, Group<grp_misc>;
def : Flag<["-"], "help">, Alias<help>;
def : Flag<["-"], "h">, Alias<help>;
