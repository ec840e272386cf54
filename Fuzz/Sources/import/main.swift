import FuzzTargets
#if canImport(Glibc)
import Glibc
#endif

// libFuzzer's driver, with our own main (SwiftPM renames an executable's main).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in
    FuzzTargets.run("import", data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
})
