import BPFuzzBodies

// libFuzzer calls this for every input; `Fuzz/run` builds it with -D FUZZING and the fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzBody.specReader.run(data, size)
    return 0
}

#if !FUZZING
// libFuzzer brings its own main; a plain build gets one that replays files given as arguments.
@main struct Replay {
    static func main() { FuzzReplay.main(.specReader) }
}
#endif
