#include "dpex/compiler/Driver.h"

#include "llvm/Support/raw_ostream.h"

namespace dpex {

// clang's colours: the location and the message bold, the level in its
// colour.
void printDiagnostic(llvm::raw_ostream &OS, DiagLevel Level,
                     llvm::StringRef Where, llvm::StringRef Message) {
  if (!Where.empty()) {
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    OS << Where << ": ";
    OS.resetColor();
  }
  switch (Level) {
  case DiagLevel::Note:
    OS.changeColor(llvm::raw_ostream::BLACK, true) << "note: ";
    break;
  case DiagLevel::Warning:
    OS.changeColor(llvm::raw_ostream::MAGENTA, true) << "warning: ";
    break;
  case DiagLevel::Error:
    OS.changeColor(llvm::raw_ostream::RED, true) << "error: ";
    break;
  }
  OS.resetColor();
  if (Level != DiagLevel::Note)
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
  OS << Message;
  OS.resetColor();
  OS << '\n';
}

} // namespace dpex
