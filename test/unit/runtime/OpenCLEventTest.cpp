// OpenCL events whose driver calls fail: the failure reaches the caller as a
// dpex::error naming the call and the driver's code, never as a made-up
// answer.
#include "TestSupport.h"

#include "opencl/OpenCLEvent.h"
#include "opencl/OpenCLQueue.h"

#include <memory>

using Catch::Matchers::Contains;

namespace {

using dpex::rt::opencl::OpenCLApi;
using dpex::rt::opencl::OpenCLEvent;

cl_int CL_API_CALL invalidEventInfo(cl_event, cl_event_info, size_t, void *,
                                    size_t *) {
  return CL_INVALID_EVENT;
}

cl_int CL_API_CALL releaseNothing(cl_event) { return CL_SUCCESS; }

// A driver whose every event query fails as for a stale handle.
OpenCLApi failingEventApi() {
  OpenCLApi api;
  api.clGetEventInfo = invalidEventInfo;
  api.clReleaseEvent = releaseNothing;
  return api;
}

} // namespace

TEST_CASE("an event whose status query fails is an error, not complete",
          "[event][opencl]") {
  // The event only asks its queue whether it profiles: any queue will do.
  dpex::queue q;
  static const OpenCLApi api = failingEventApi();
  // Any non-null handle: the fake driver never dereferences it.
  static int placeholder;
  auto handle = reinterpret_cast<cl_event>(&placeholder);
  dpex::event e(std::make_shared<OpenCLEvent>(
      api, handle, nullptr,
      std::static_pointer_cast<dpex::rt::opencl::OpenCLQueue>(q.impl())));
  dpex::error error = dpex_test::expectError([&] { (void)e.is_complete(); });
  REQUIRE(error.code() == dpex::errc::backend_error);
  REQUIRE_THAT(error.what(), Contains("clGetEventInfo"));
  REQUIRE_THAT(error.what(), Contains("CL_INVALID_EVENT"));
}
