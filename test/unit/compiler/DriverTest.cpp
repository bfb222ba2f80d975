#include "CompilerTestSupport.h"

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
  CHECK(Targets == std::vector<TargetKind>{TargetKind::SPIRV, TargetKind::SPIR});
  CHECK_FALSE(parseTargetList("spir,metal", Targets, Bad));
  CHECK(Bad == "metal");
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

TEST_CASE("a failed compile removes the outputs of an earlier run", "[driver]") {
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
