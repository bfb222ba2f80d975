#include "CompilerTestSupport.h"
#include "dpex/compiler/Targets.h"

#include <catch2/catch.hpp>

using namespace dpex;
using namespace dpex::test;

TEST_CASE("emit and target lists parse, and reject unknown names", "[driver]") {
  std::vector<EmitKind> Emit;
  std::string Bad;
  REQUIRE(parseEmitList("spirv,llvm,spirv", Emit, Bad));
  CHECK(Emit == std::vector<EmitKind>{EmitKind::SPIRV, EmitKind::LLVM});
  CHECK_FALSE(parseEmitList("spirv,wasm", Emit, Bad));
  CHECK(Bad == "wasm");

  std::vector<TargetKind> Targets;
  REQUIRE(parseTargetList("spir", Targets, Bad));
  // SPIR-V is always embedded, first.
  CHECK(Targets ==
        std::vector<TargetKind>{TargetKind::SPIRV, TargetKind::SPIR});
  CHECK_FALSE(parseTargetList("spir,metal", Targets, Bad));
  CHECK(Bad == "metal");
}

TEST_CASE("CUDA arch lists parse sorted, and reject what LLVM 15 or the "
          "driver cannot take",
          "[driver]") {
  std::vector<unsigned> Archs;
  std::string Bad;
  REQUIRE(parseCudaArchList("sm_80,sm_50,sm_80", Archs, Bad));
  CHECK(Archs == std::vector<unsigned>{50, 80});
  REQUIRE(parseCudaArchList("sm_86", Archs, Bad));
  CHECK(Archs == std::vector<unsigned>{86});
  // sm_90 parses: a SASS-only arch, which dpexc accepts with --cuda-sass.
  REQUIRE(parseCudaArchList("sm_90,sm_80", Archs, Bad));
  CHECK(Archs == std::vector<unsigned>{80, 90});
  CHECK(isSASSOnlyCudaArch(90));
  for (const char *Unsupported :
       {"sm_35", "sm_91", "sm_8", "compute_80", "80"}) {
    INFO(Unsupported);
    CHECK_FALSE(
        parseCudaArchList(std::string("sm_50,") + Unsupported, Archs, Bad));
    CHECK(Bad == Unsupported);
  }
  // The default loads on every GPU a CUDA 12 or 13 driver runs.
  CHECK(CompilerOptions().CUDA.Archs.front() == 50);
}

TEST_CASE("runCompiler rejects the options dpexc rejects, writing nothing",
          "[driver]") {
  std::string Dir = freshDir();
  REQUIRE(!Dir.empty());
  CompilerOptions Opts;
  Opts.Sources = {inputPath("multi_kernel.cpp")};
  Opts.OutputPrefix = Dir + "/mk";
  REQUIRE(!checkOptions(Opts).operator bool());

  // A SASS-only arch without --cuda-sass would embed nothing for it.
  Opts.CUDA.Archs = {80, 90};
  llvm::Error E = checkOptions(Opts);
  REQUIRE(E.operator bool());
  CHECK_THAT(llvm::toString(std::move(E)),
             Catch::Contains("--cuda-arch=sm_90 needs --cuda-sass"));
  CompileRun R = compile(Opts);
  CHECK(R.Status == 2);
  CHECK_THAT(R.Err, Catch::Contains("error: --cuda-arch=sm_90 needs "
                                    "--cuda-sass"));
  CHECK(readFile(Dir + "/mk.spv").empty());
  Opts.CUDA.SASS = true;
  CHECK(!checkOptions(Opts).operator bool());

  CompilerOptions NoArch = Opts;
  NoArch.CUDA.Archs.clear();
  CHECK(compile(NoArch).Status == 2);
  CompilerOptions Kepler = Opts;
  Kepler.CUDA.Archs = {35};
  CHECK_THAT(compile(Kepler).Err,
             Catch::Contains("unsupported --cuda-arch 'sm_35'"));
  CompilerOptions Std = Opts;
  Std.Frontend.Standard = "c++11";
  CHECK(compile(Std).Status == 2);
  CompilerOptions LibDevice = Opts;
  LibDevice.CUDA.LibDevice = Dir + "/missing.bc";
  CHECK(compile(LibDevice).Status == 2);
  CompilerOptions Missing = Opts;
  Missing.Sources = {Dir + "/missing.cpp"};
  CHECK(compile(Missing).Status == 2);
}

TEST_CASE("same input and flags give byte-identical outputs", "[driver]") {
  std::string A = freshDir(), B = freshDir();
  REQUIRE(!A.empty());
  REQUIRE(!B.empty());
  for (const std::string &Dir : {A, B}) {
    CompilerOptions Opts;
    Opts.Sources = {inputPath("multi_kernel.cpp")};
    Opts.OutputPrefix = Dir + "/mk";
    CompileRun R = compile(Opts);
    INFO(R.Err);
    REQUIRE(R.Status == 0);
  }
  for (const char *Suffix : {".spv", ".dpex.hpp", ".dpex.cpp"}) {
    std::string First = readFile(A + "/mk" + Suffix);
    CHECK(!First.empty());
    CHECK(First == readFile(B + "/mk" + Suffix));
  }
  llvm::sys::fs::remove_directories(A);
  llvm::sys::fs::remove_directories(B);
}

TEST_CASE("a failed compile removes the outputs of an earlier run",
          "[driver]") {
  std::string Dir = freshDir();
  REQUIRE(!Dir.empty());
  CompilerOptions Opts;
  Opts.Sources = {inputPath("multi_kernel.cpp")};
  Opts.OutputPrefix = Dir + "/out";
  REQUIRE(compile(Opts).Status == 0);
  REQUIRE(llvm::sys::fs::exists(Dir + "/out.spv"));

  Opts.Sources = {inputPath("returns_int.cpp")};
  CompileRun R = compile(Opts);
  CHECK(R.Status == 1);
  CHECK(R.Err.find("must return 'void'") != std::string::npos);
  for (const char *Suffix : {".spv", ".dpex.hpp", ".dpex.cpp"})
    CHECK_FALSE(llvm::sys::fs::exists(Dir + "/out" + Suffix));
  llvm::sys::fs::remove_directories(Dir);
}
