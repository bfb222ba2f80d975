// The dpex host runtime: devices, queues, arrays, events and kernel launches.
// See docs/runtime.md.
//
// The template parameters and private names of dpex's public headers are
// reserved identifiers in the standard library's style (`_Tp`, `_Dims`,
// `_Args`), so that no user macro (-DN=1024, -DT=int) can replace them.
#pragma once

#include <dpex/detail/kernel_desc.hpp>
#include <dpex/half.hpp>
#include <dpex/runtime/array.hpp>
#include <dpex/runtime/call_kernel.hpp>
#include <dpex/runtime/device.hpp>
#include <dpex/runtime/error.hpp>
#include <dpex/runtime/event.hpp>
#include <dpex/runtime/graph.hpp>
#include <dpex/runtime/kernel_handle.hpp>
#include <dpex/runtime/local_memory.hpp>
#include <dpex/runtime/queue.hpp>
#include <dpex/runtime/range.hpp>
