@testable import CodingAgent

/// The shell tokenizer, parser and command validator on arbitrary text: no crash, linear time (an
/// input-length-scaled budget), and the validator never allows a command it cannot parse fully (see
/// `ShellInvariants`). The comparison with a real shell grammar is the `shell-differential` driver, which
/// replays this target's corpus through `shfmt --to-json`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShell(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzInput(data, size).bytes, as: UTF8.self)
    ShellInvariants.check(text)
    return 0
}
