// How -W, -Wno-, -Werror, -Werror=, -Wno-error=, -Weverything and -w settle
// one of dpexc's own warnings, as clang settles its own.
#include "Warnings.h"

#include "dpex/compiler/Driver.h"

#include <catch2/catch.hpp>

using dpex::WarningLevel;

namespace {

WarningLevel level(std::vector<std::string> Warnings, bool NoWarnings = false) {
  dpex::FrontendOptions Options;
  Options.Warnings = std::move(Warnings);
  Options.NoWarnings = NoWarnings;
  return dpex::warningLevel(dpex::EmptyModuleWarning, Options);
}

} // namespace

TEST_CASE("dpexc's warnings are on by default", "[warnings]") {
  CHECK(level({}) == WarningLevel::Warning);
  CHECK(level({"all"}) == WarningLevel::Warning);
  CHECK(level({"no-unused-variable"}) == WarningLevel::Warning);
}

TEST_CASE("the later of -W<name> and -Wno-<name> wins", "[warnings]") {
  CHECK(level({"no-empty-module"}) == WarningLevel::Ignored);
  CHECK(level({"no-empty-module", "empty-module"}) == WarningLevel::Warning);
  CHECK(level({"empty-module", "no-everything"}) == WarningLevel::Ignored);
  CHECK(level({"no-everything", "everything"}) == WarningLevel::Warning);
}

TEST_CASE("-Werror and -Werror=<name> make it an error", "[warnings]") {
  CHECK(level({"error"}) == WarningLevel::Error);
  CHECK(level({"error", "no-error"}) == WarningLevel::Warning);
  CHECK(level({"error=empty-module"}) == WarningLevel::Error);
  CHECK(level({"error=unused-variable"}) == WarningLevel::Warning);
  // -Wno-error=<name> outranks -Werror, in either order.
  CHECK(level({"error", "no-error=empty-module"}) == WarningLevel::Warning);
  CHECK(level({"no-error=empty-module", "error"}) == WarningLevel::Warning);
  // -Werror=<name> enables a warning turned off before it.
  CHECK(level({"no-empty-module", "error=empty-module"}) ==
        WarningLevel::Error);
  CHECK(level({"error", "no-empty-module"}) == WarningLevel::Ignored);
}

TEST_CASE("-w silences every warning", "[warnings]") {
  CHECK(level({"error", "empty-module"}, /*NoWarnings=*/true) ==
        WarningLevel::Ignored);
}

TEST_CASE("only dpexc's warning names are kept from clang", "[warnings]") {
  for (const char *Option :
       {"empty-module", "no-empty-module", "error=empty-module",
        "no-error=empty-module", "omitted-kernel", "no-omitted-kernel"})
    CHECK(dpex::isDpexWarningOption(Option));
  for (const char *Option :
       {"all", "error", "no-error", "everything", "unused-variable",
        "error=unused-variable", "no-empty-modules"})
    CHECK_FALSE(dpex::isDpexWarningOption(Option));
}
