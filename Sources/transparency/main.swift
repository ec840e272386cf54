import Cmimalloc
import TransparencyCLI
import TransparencyModel

// mimalloc serves every allocation of the process (it is linked ahead of the C library); asking
// its version keeps the link even where the linker drops libraries nothing refers to.
_ = mi_version()
// The worker threads start while the arguments are read, each on a processor of its own.
WorkerPool.start(binding: true)
TransparencyCommand.runMain()
