#include "OpenCLQueue.h"

#include "OpenCLError.h"
#include "OpenCLEvent.h"
#include "OpenCLModule.h"

#include "core/Trace.h"

#include <CL/cl_ext.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <type_traits>

namespace dpex::rt::opencl {

OpenCLQueue::OpenCLQueue(std::shared_ptr<OpenCLDevice> device,
                         cl_command_queue queue, bool profiling)
    : Queue(device, profiling), api_(device->api()), clDevice_(*device),
      queue_(queue) {}

OpenCLQueue::~OpenCLQueue() {
  api_.clFinish(queue_);
  api_.clReleaseCommandQueue(queue_);
}

// A clSVMFree right after a command's event completed can race the driver's
// own end of that command: Intel's CPU runtime unlocks a command's arguments
// after it signalled CL_COMPLETE, and crashed when the memory was gone.
// Freed in the queue's order, the driver decides when.
void OpenCLQueue::release(void *pointer) {
  if (api_.clEnqueueSVMFree &&
      api_.clEnqueueSVMFree(queue_, 1, &pointer, nullptr, nullptr, 0, nullptr,
                            nullptr) == CL_SUCCESS) {
    api_.clFlush(queue_);
    return;
  }
  device().deallocate(pointer);
}

Status OpenCLQueue::copy(void *dst, const void *src, std::size_t bytes) {
  cl_int err = api_.clEnqueueSVMMemcpy(queue_, CL_TRUE, dst, src, bytes, 0,
                                       nullptr, nullptr);
  if (err != CL_SUCCESS)
    return clError(errc::backend_error, "clEnqueueSVMMemcpy", err);
  return Status::ok();
}

Expected<std::shared_ptr<Event>>
OpenCLQueue::copyAsync(void *dst, const void *src, std::size_t bytes,
                       const std::vector<Event *> &deps,
                       std::vector<std::shared_ptr<void>> &) {
  Expected<std::vector<cl_event>> events = waitList(deps);
  if (!events)
    return events.status();
  cl_event event = nullptr;
  cl_int err = api_.clEnqueueSVMMemcpy(
      queue_, CL_FALSE, dst, src, bytes, static_cast<cl_uint>(events->size()),
      events->empty() ? nullptr : events->data(), &event);
  if (err != CL_SUCCESS)
    return clError(errc::backend_error, "clEnqueueSVMMemcpy", err);
  flush();
  return std::shared_ptr<Event>(std::make_shared<OpenCLEvent>(
      api_, event, clDevice_.context(), shared_from_this()));
}

Expected<std::vector<cl_event>>
OpenCLQueue::waitList(const std::vector<Event *> &deps) {
  std::vector<cl_event> events(deps.size());
  Expected<cl_uint> count = waitList(deps, events.data());
  if (!count)
    return count.status();
  events.resize(*count);
  return events;
}

Expected<cl_uint> OpenCLQueue::waitList(const std::vector<Event *> &deps,
                                        cl_event *events) {
  cl_uint count = 0;
  for (Event *dep : deps) {
    auto *clEvent = dynamic_cast<OpenCLEvent *>(dep);
    if (clEvent && clEvent->context() == clDevice_.context()) {
      if (!clEvent->enqueuedOn(*this))
        clEvent->submit();
      events[count++] = clEvent->handle();
      continue;
    }
    if (Status status = dep->wait(); !status)
      return status.withContext("dependency");
  }
  return count;
}

Expected<std::shared_ptr<Event>>
OpenCLQueue::launch(Kernel &kernel, const LaunchConfig &config,
                    const std::vector<KernelArg> &args,
                    const std::vector<Event *> &deps) {
  // Most launches wait for a few events at most: listed in place.
  constexpr std::size_t InPlace = 4;
  cl_event inPlace[InPlace];
  std::vector<cl_event> more(deps.size() > InPlace ? deps.size() : 0);
  cl_event *events = more.empty() ? inPlace : more.data();
  Expected<cl_uint> numEvents = waitList(deps, events);
  if (!numEvents)
    return numEvents.status();

  auto &clKernel = static_cast<OpenCLKernel &>(kernel);
  // A launch may be the second part of a split grid whose first part is
  // already enqueued and uses the same arrays, which the caller releases
  // once it sees the error: let the queue's work finish first.
  auto failed = [&](Status status) {
    api_.clFinish(queue_);
    return status;
  };
  cl_event event = nullptr;
  {
    // Arguments are state of the shared cl_kernel until the enqueue has
    // captured them.
    std::lock_guard<std::mutex> lock(clKernel.mutex());
    for (std::size_t i = 0; i < args.size(); ++i) {
      const KernelArg &arg = args[i];
      cl_uint index = static_cast<cl_uint>(i);
      cl_int err = CL_SUCCESS;
      const char *call = "clSetKernelArg";
      switch (arg.kind) {
      case KernelArg::Kind::Value:
        err = clKernel.setArg(index, arg.size, arg.value);
        break;
      case KernelArg::Kind::Pointer:
        call = "clSetKernelArgSVMPointer";
        err = api_.clSetKernelArgSVMPointer(clKernel.handle(), index,
                                            arg.pointer);
        break;
      case KernelArg::Kind::Local:
        err = clKernel.setArg(index, arg.size, nullptr);
        break;
      }
      if (err != CL_SUCCESS)
        return failed(clError(errc::invalid_argument, call, err)
                          .withContext(arg.describe()));
    }
    cl_int err = api_.clEnqueueNDRangeKernel(
        queue_, clKernel.handle(), config.dims, config.offset, config.global,
        config.hasLocal ? config.local : nullptr, *numEvents,
        *numEvents ? events : nullptr, &event);
    if (err != CL_SUCCESS)
      return failed(
          clError(errc::launch_failed, "clEnqueueNDRangeKernel", err));
  }
  return std::shared_ptr<Event>(std::make_shared<OpenCLEvent>(
      api_, event, clDevice_.context(), shared_from_this()));
}

Expected<std::shared_ptr<Event>>
OpenCLQueue::marker(const std::vector<Event *> &deps) {
  Expected<std::vector<cl_event>> events = waitList(deps);
  if (!events)
    return events.status();
  cl_event event = nullptr;
  cl_int err = api_.clEnqueueMarkerWithWaitList(
      queue_, static_cast<cl_uint>(events->size()),
      events->empty() ? nullptr : events->data(), &event);
  if (err != CL_SUCCESS)
    return clError(errc::backend_error, "clEnqueueMarkerWithWaitList", err);
  return std::shared_ptr<Event>(std::make_shared<OpenCLEvent>(
      api_, event, clDevice_.context(), shared_from_this()));
}

Status OpenCLQueue::finish() {
  cl_int err = api_.clFinish(queue_);
  if (err != CL_SUCCESS)
    return clError(errc::backend_error, "clFinish", err);
  return Status::ok();
}

} // namespace dpex::rt::opencl

namespace dpex::rt::opencl {

namespace {

// Sets `args` on `kernel`, a copy of its own.
Status setArgs(const OpenCLApi &api, cl_kernel kernel,
               const std::vector<KernelArg> &args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const KernelArg &arg = args[i];
    cl_uint index = static_cast<cl_uint>(i);
    cl_int err = CL_SUCCESS;
    const char *call = "clSetKernelArg";
    switch (arg.kind) {
    case KernelArg::Kind::Value:
      err = api.clSetKernelArg(kernel, index, arg.size, arg.value);
      break;
    case KernelArg::Kind::Pointer:
      call = "clSetKernelArgSVMPointer";
      err = api.clSetKernelArgSVMPointer(kernel, index, arg.pointer);
      break;
    case KernelArg::Kind::Local:
      err = api.clSetKernelArg(kernel, index, arg.size, nullptr);
      break;
    }
    if (err != CL_SUCCESS)
      return clError(errc::invalid_argument, call, err)
          .withContext(arg.describe());
  }
  return Status::ok();
}

// cl_khr_command_buffer as of version 0.9.5 (1.0.0 is the final one),
// where every command takes a properties list; the provisional versions
// before it (PoCL 3.1 reports 0.9.0) differ in these signatures and are
// not used.
struct CommandBufferApi {
  cl_command_buffer_khr (*create)(cl_uint, const cl_command_queue *,
                                  const cl_properties *, cl_int *);
  cl_int (*finalize)(cl_command_buffer_khr);
  cl_int (*release)(cl_command_buffer_khr);
  cl_int (*enqueue)(cl_uint, cl_command_queue *, cl_command_buffer_khr, cl_uint,
                    const cl_event *, cl_event *);
  cl_int (*ndRange)(cl_command_buffer_khr, cl_command_queue,
                    const cl_properties *, cl_kernel, cl_uint, const size_t *,
                    const size_t *, const size_t *, cl_uint, const cl_uint *,
                    cl_uint *, void **);
  cl_int (*svmMemcpy)(cl_command_buffer_khr, cl_command_queue,
                      const cl_properties *, void *, const void *, size_t,
                      cl_uint, const cl_uint *, cl_uint *, void **);
};

constexpr cl_version CommandBufferMinVersion = CL_MAKE_VERSION(0, 9, 5);

// The extension's entry points where `device` reports a version of it this
// runtime speaks.
std::optional<CommandBufferApi> commandBufferApi(const OpenCLApi &api,
                                                 cl_device_id device) {
  if (!api.clGetExtensionFunctionAddressForPlatform)
    return std::nullopt;
  std::size_t bytes = 0;
  if (api.clGetDeviceInfo(device, CL_DEVICE_EXTENSIONS_WITH_VERSION, 0, nullptr,
                          &bytes) != CL_SUCCESS)
    return std::nullopt;
  std::vector<cl_name_version> extensions(bytes / sizeof(cl_name_version));
  if (extensions.empty() ||
      api.clGetDeviceInfo(device, CL_DEVICE_EXTENSIONS_WITH_VERSION,
                          extensions.size() * sizeof(cl_name_version),
                          extensions.data(), nullptr) != CL_SUCCESS)
    return std::nullopt;
  bool usable = false;
  for (const cl_name_version &extension : extensions)
    usable = usable || (std::strncmp(extension.name, "cl_khr_command_buffer",
                                     CL_NAME_VERSION_MAX_NAME_SIZE) == 0 &&
                        extension.version >= CommandBufferMinVersion);
  cl_platform_id platform = nullptr;
  if (!usable ||
      api.clGetDeviceInfo(device, CL_DEVICE_PLATFORM, sizeof(platform),
                          &platform, nullptr) != CL_SUCCESS)
    return std::nullopt;
  CommandBufferApi cb{};
  auto resolve = [&](auto &pointer, const char *name) {
    pointer = reinterpret_cast<std::remove_reference_t<decltype(pointer)>>(
        api.clGetExtensionFunctionAddressForPlatform(platform, name));
    return pointer != nullptr;
  };
  if (!resolve(cb.create, "clCreateCommandBufferKHR") ||
      !resolve(cb.finalize, "clFinalizeCommandBufferKHR") ||
      !resolve(cb.release, "clReleaseCommandBufferKHR") ||
      !resolve(cb.enqueue, "clEnqueueCommandBufferKHR") ||
      !resolve(cb.ndRange, "clCommandNDRangeKernelKHR") ||
      !resolve(cb.svmMemcpy, "clCommandSVMMemcpyKHR"))
    return std::nullopt;
  return cb;
}

class OpenCLGraphExec final : public GraphExec {
public:
  OpenCLGraphExec(std::shared_ptr<OpenCLQueue> queue,
                  const std::vector<RecordedOp> &ops)
      : queue_(std::move(queue)), ops_(ops), kernels_(ops.size(), nullptr) {}
  ~OpenCLGraphExec() override {
    if (buffer_)
      commandBuffer_->release(buffer_);
    for (cl_kernel kernel : kernels_)
      if (kernel)
        queue_->api().clReleaseKernel(kernel);
  }

  Status prepare() {
    const OpenCLApi &api = queue_->api();
    for (std::size_t i = 0; i < ops_.size(); ++i) {
      const RecordedOp &op = ops_[i];
      if (op.kind != RecordedOp::Kind::Launch)
        continue;
      auto &source = static_cast<OpenCLKernel &>(*op.kernel);
      cl_int err = CL_SUCCESS;
      {
        // OpenCL leaves clCloneKernel unsafe beside a clSetKernelArg on the
        // same kernel, which launches on other threads may be making.
        std::lock_guard<std::mutex> lock(source.mutex());
        kernels_[i] = api.clCloneKernel(source.handle(), &err);
      }
      if (err != CL_SUCCESS) {
        kernels_[i] = nullptr;
        return clError(errc::backend_error, "clCloneKernel", err);
      }
      if (Status status = setArgs(api, kernels_[i], op.args); !status)
        return status;
    }
    return Status::ok();
  }

  // Records the operations, with the prepared kernels, into a command
  // buffer that replays replace the list with; keeps the list where the
  // driver refuses any step.
  void recordCommandBuffer(const CommandBufferApi &cb) {
    cl_command_queue queue = queue_->handle();
    cl_int err = CL_SUCCESS;
    cl_command_buffer_khr buffer = cb.create(1, &queue, nullptr, &err);
    if (err != CL_SUCCESS || !buffer) {
      trace("cl_khr_command_buffer: clCreateCommandBufferKHR: %d; replaying "
            "a prepared list",
            err);
      return;
    }
    // Each command after the one before it, whatever order the driver
    // would give commands of a buffer of an in-order queue.
    cl_uint previous = 0;
    for (std::size_t i = 0; i < ops_.size() && err == CL_SUCCESS; ++i) {
      const RecordedOp &op = ops_[i];
      const cl_uint waits = i == 0 ? 0 : 1;
      const cl_uint *after = waits ? &previous : nullptr;
      cl_uint point = 0;
      err = op.kind == RecordedOp::Kind::Launch
                ? cb.ndRange(buffer, nullptr, nullptr, kernels_[i],
                             op.config.dims, op.config.offset, op.config.global,
                             op.config.hasLocal ? op.config.local : nullptr,
                             waits, after, &point, nullptr)
                : cb.svmMemcpy(buffer, nullptr, nullptr, op.dst, op.src,
                               op.bytes, waits, after, &point, nullptr);
      previous = point;
    }
    if (err == CL_SUCCESS)
      err = cb.finalize(buffer);
    if (err != CL_SUCCESS) {
      trace("cl_khr_command_buffer: recording failed: %d; replaying a "
            "prepared list",
            err);
      cb.release(buffer);
      return;
    }
    commandBuffer_ = cb;
    buffer_ = buffer;
  }

  Expected<std::shared_ptr<Event>>
  replay(const std::vector<Event *> &deps) override {
    const OpenCLApi &api = queue_->api();
    Expected<std::vector<cl_event>> waitList = queue_->waitList(deps);
    if (!waitList)
      return waitList.status();
    cl_command_queue queue = queue_->handle();
    if (buffer_) {
      cl_event event = nullptr;
      cl_int err = commandBuffer_->enqueue(
          1, &queue, buffer_, static_cast<cl_uint>(waitList->size()),
          waitList->empty() ? nullptr : waitList->data(), &event);
      if (err != CL_SUCCESS)
        return clError(errc::launch_failed, "clEnqueueCommandBufferKHR", err);
      queue_->flush();
      return std::shared_ptr<Event>(
          std::make_shared<OpenCLEvent>(api, event, queue_->context(), queue_));
    }
    cl_event gate = closedGate();
    if (gate)
      waitList->push_back(gate);
    cl_event last = nullptr;
    for (std::size_t i = 0; i < ops_.size(); ++i) {
      const RecordedOp &op = ops_[i];
      // The in-order queue orders the operations: only the first waits for
      // `deps` (and the gate), only the last has an event.
      cl_uint numWait = i == 0 ? static_cast<cl_uint>(waitList->size()) : 0;
      const cl_event *wait = numWait ? waitList->data() : nullptr;
      cl_event *event = i + 1 == ops_.size() ? &last : nullptr;
      cl_int err;
      const char *call;
      if (op.kind == RecordedOp::Kind::Launch) {
        call = "clEnqueueNDRangeKernel";
        err = api.clEnqueueNDRangeKernel(
            queue, kernels_[i], op.config.dims, op.config.offset,
            op.config.global, op.config.hasLocal ? op.config.local : nullptr,
            numWait, wait, event);
      } else {
        call = "clEnqueueSVMMemcpy";
        err = api.clEnqueueSVMMemcpy(queue, CL_FALSE, op.dst, op.src, op.bytes,
                                     numWait, wait, event);
      }
      if (err != CL_SUCCESS) {
        // What is enqueued uses the graph's memory: let it end first.
        openGate(gate);
        api.clFinish(queue);
        return clError(errc::launch_failed, call, err);
      }
    }
    openGate(gate);
    queue_->flush();
    return std::shared_ptr<Event>(
        std::make_shared<OpenCLEvent>(api, last, queue_->context(), queue_));
  }
  const char *kind() const override {
    return buffer_ ? "a command buffer (cl_khr_command_buffer)"
                   : "a prepared list (clCloneKernel per launch)";
  }

private:
  // A user event the first operation of a list replay waits for, opened
  // once every operation is enqueued. PoCL starts a command as soon as it
  // is enqueued and the one before it completed, waking a worker thread
  // for each (about half the cost of a short launch on the CPU): behind
  // the gate the list runs back to back on one wake-up. Null where there
  // is one operation, or the driver gave no user event.
  cl_event closedGate() const {
    const OpenCLApi &api = queue_->api();
    if (ops_.size() < 2 || !api.clCreateUserEvent || !api.clSetUserEventStatus)
      return nullptr;
    cl_int err = CL_SUCCESS;
    cl_event gate = api.clCreateUserEvent(queue_->context(), &err);
    return err == CL_SUCCESS ? gate : nullptr;
  }
  void openGate(cl_event gate) const {
    if (!gate)
      return;
    queue_->api().clSetUserEventStatus(gate, CL_COMPLETE);
    queue_->api().clReleaseEvent(gate);
  }

  std::shared_ptr<OpenCLQueue> queue_;
  const std::vector<RecordedOp> &ops_;
  std::vector<cl_kernel> kernels_; // per operation; null for copies
  std::optional<CommandBufferApi> commandBuffer_;
  cl_command_buffer_khr buffer_ = nullptr; // replaces the list where set
};

} // namespace

Expected<std::unique_ptr<GraphExec>>
OpenCLQueue::instantiate(const std::vector<RecordedOp> &ops) {
  if (!api_.clCloneKernel)
    return Queue::instantiate(ops);
  auto exec = std::make_unique<OpenCLGraphExec>(shared_from_this(), ops);
  if (Status status = exec->prepare(); !status)
    return status;
  // DPEX_OPENCL_COMMAND_BUFFER=0 keeps the prepared list, to compare the
  // two on one device.
  const char *useBuffer = std::getenv("DPEX_OPENCL_COMMAND_BUFFER");
  if (!useBuffer || std::strcmp(useBuffer, "0") != 0)
    if (std::optional<CommandBufferApi> cb =
            commandBufferApi(api_, clDevice_.id()))
      exec->recordCommandBuffer(*cb);
  return std::unique_ptr<GraphExec>(std::move(exec));
}

} // namespace dpex::rt::opencl
