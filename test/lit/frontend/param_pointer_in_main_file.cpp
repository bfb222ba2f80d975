// Pointers to structs and enums of the kernel source, and enums by value:
// the stub re-declares them (test/lit/stubgen/enum_params.test). One the
// stub cannot re-declare (local to a namespace no header can name, or a
// struct with a pointer to a type of the kernel source) is an error that
// says why.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

struct Node {
  Node *next;
};
namespace {
struct Hidden {
  int v;
};
enum class Secret { a, b };
} // namespace
enum class Fine { x = 3 };

// CHECK-NOT: 'f'
// CHECK: param_pointer_in_main_file.cpp:[[@LINE+1]]:44: error: parameter 2 'n' of kernel 'k' has type 'Node *': the generated stub cannot re-declare a type of the kernel source where 'Node''s member 'next' is a pointer to a type defined in the kernel source; define it in a header, which the stub includes
DPEX_KERNEL void k(dpex::item<1> it, Node *n, Hidden *h, Secret s, Fine f,
                   int *x) {
  x[it.get_id(0)] = h->v + int(s) + int(f) + (n->next != nullptr);
}
// CHECK: error: parameter 3 'h' of kernel 'k' has type '(anonymous namespace)::Hidden *': the generated stub cannot re-declare a type of the kernel source where 'Hidden' is in an anonymous or inline namespace; define it in a header, which the stub includes
// CHECK: error: parameter 4 's' of kernel 'k' has type '(anonymous namespace)::Secret': the generated stub cannot re-declare a type of the kernel source where 'Secret' is in an anonymous or inline namespace; define it in a header, which the stub includes
// CHECK: 3 errors generated.
