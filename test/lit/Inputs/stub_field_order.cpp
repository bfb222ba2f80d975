// Includes the stub of multi_kernel.cpp and checks, at compile time, that
// each descriptor member holds the value meant for it.
#include "mk.dpex.cpp"

constexpr bool same(const char *a, const char *b) {
  while (*a && *a == *b)
    ++a, ++b;
  return *a == *b;
}

static_assert(same(kernel0_desc.entry,
                   "_ZN4demo5saxpyEN4dpex4itemILi1EEEfPKfPf"));
static_assert(same(kernel0_desc.display_name, "demo::saxpy"));
static_assert(kernel0_desc.module == &module_desc);
static_assert(kernel0_desc.dimensions == 1 && !kernel0_desc.nd);
static_assert(kernel0_desc.num_args == 3 && kernel0_desc.rounded_range);
static_assert(same(kernel0_desc.args[1].name, "x"));
static_assert(same(kernel0_desc.args[1].type_name, "const float *"));
static_assert(same(module_desc.name, "mk") && module_desc.num_images == 1);
static_assert(module_desc.images[0].format ==
                  dpex::detail::image_format::spirv &&
              module_desc.images[0].range_guard);
