// The dpex host runtime: devices, queues, arrays, events and kernel launches.
// See docs/runtime.md.
#pragma once

#include <dpex/detail/kernel_desc.hpp>
#include <dpex/runtime/array.hpp>
#include <dpex/runtime/call_kernel.hpp>
#include <dpex/runtime/device.hpp>
#include <dpex/runtime/error.hpp>
#include <dpex/runtime/event.hpp>
#include <dpex/runtime/kernel_handle.hpp>
#include <dpex/runtime/local_memory.hpp>
#include <dpex/runtime/queue.hpp>
#include <dpex/runtime/range.hpp>
