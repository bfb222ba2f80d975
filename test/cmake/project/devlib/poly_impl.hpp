// The device library's formula, which the host reference uses too.
#pragma once
inline int poly_impl(int x) { return x * x - 2 * x + 4; }
