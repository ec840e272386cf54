import Cmimalloc
import TransparencyCLI

// mimalloc serves every allocation of the process (it is linked ahead of the C library); asking
// its version keeps the link even where the linker drops libraries nothing refers to.
_ = mi_version()
TransparencyCommand.runMain()
