import AgentCore
import SparkTestSupport
import Testing

@testable import CodingAgent

#if canImport(Glibc)
    import Glibc
#endif

/// The validator, tokenizer and parser take time linear in the command's length on adversarial shapes,
/// and never crash on random input.
@Suite(.serialized) struct CommandValidatorLinearTimeTests {
    let validator = CommandValidator(workspaceRoot: "/tmp/spark-linear-time")

    /// Inputs of about `size` bytes, each a long run of what one check looks for.
    static let shapes: [(name: String, make: @Sendable (Int) -> String)] = [
        ("fork-bomb prefix then pipes", { "(){ " + String(repeating: "|", count: $0) }),
        ("repeated fork-bomb starts", { String(repeating: "(){|", count: $0 / 4) }),
        ("blanks inside ( )", { String(repeating: "(  ", count: $0 / 3) }),
        ("awk program of pipes and quotes", { "awk '" + String(repeating: "| \" ", count: $0 / 4) + "'" }),
        ("awk program of system words", { "awk '" + String(repeating: "system  ", count: $0 / 8) + "'" }),
        ("$( repeated", { "echo " + String(repeating: "$(", count: $0 / 2) }),
        (
            "$( nested to the limit, repeated",
            { size in
                let unit =
                    "echo " + String(repeating: "$(echo ", count: 7) + "x" + String(repeating: ")", count: 7) + "; "
                return String(repeating: unit, count: size / unit.utf8.count)
            }
        ),
        (
            "${ nested, repeated",
            { size in
                let unit =
                    "echo " + String(repeating: "${x:-", count: 60) + "$(echo y)" + String(repeating: "}", count: 60)
                    + ";"
                return String(repeating: unit, count: max(1, size / unit.utf8.count))
            }
        ),
        ("nested quotes", { "echo " + String(repeating: "\"'$(\"'", count: $0 / 6) }),
        ("alternating quotes", { "echo " + String(repeating: "'a'\"b\"", count: $0 / 6) }),
        ("backslashes", { "echo " + String(repeating: "\\", count: $0) }),
        ("a long pipeline of downloads", { String(repeating: "curl x|", count: $0 / 7) + "cat" }),
        ("many short commands", { String(repeating: "ls;", count: $0 / 3) }),
        ("combining marks after a quote", { "echo '" + String(repeating: "\u{301}", count: $0 / 2) + "'" }),
        ("a here-document of substitutions", { "cat <<E\n" + String(repeating: "$(ls)\n", count: $0 / 6) + "E" }),
        ("braces and commas", { "echo " + String(repeating: "{a,", count: $0 / 3) }),
    ]

    /// The median of three timings of `work`, in seconds.
    /// The median of three runs of `work`, in seconds of this thread's CPU time: other processes on a loaded
    /// machine do not count, so the ratios measure the algorithm, not the neighbours.
    static func seconds(_ work: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<3 {
            let start = threadCPUSeconds()
            work()
            times.append(threadCPUSeconds() - start)
        }
        return times.sorted()[1]
    }

    private static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }

    @Test(arguments: shapes.indices)
    func validationOfAdversarialShapesIsLinear(_ shape: Int) {
        let (name, make) = Self.shapes[shape]
        // Up to the validator's 64 KiB limit: doubling the input must well under quadruple the time.
        var previous: Double?
        var ratios: [Double] = []
        for size in [8 << 10, 16 << 10, 32 << 10, 63 << 10] {
            let command = make(size)
            let time = Self.seconds { _ = validator.validate(command) }
            if let previous { ratios.append(time / max(previous, 1e-4) / (size == 63 << 10 ? 63.0 / 32 : 2)) }
            previous = time
            // Not a speed target: a hang detector (the quadratic pattern took minutes), loose for loaded machines.
            #expect(time < 5.0, "\(name): \(size) bytes took \(time) s")
        }
        // The ratio per doubling, averaged over three doublings, so one noisy timing does not decide.
        let mean = ratios.reduce(0, +) / Double(ratios.count)
        #expect(mean < 3, "\(name): time grows by \(ratios) per doubling")
        // Beyond the limit the validator refuses at once.
        let huge = make(1 << 20)
        #expect(Self.seconds { _ = validator.validate(huge) } < 2, "\(name): 1 MiB")
    }

    @Test(arguments: shapes.indices)
    func tokenizingAMebibyteIsLinear(_ shape: Int) {
        let (name, make) = Self.shapes[shape]
        let small = make(256 << 10)
        let large = make(1 << 20)
        let smallTime = Self.seconds { _ = try? ShellParser.parse(small) }
        let largeTime = Self.seconds { _ = try? ShellParser.parse(large) }
        #expect(largeTime < 5, "\(name): 1 MiB took \(largeTime) s")
        // Four times the input: linear is 4x, quadratic 16x.
        #expect(largeTime < max(smallTime, 1e-3) * 8, "\(name): \(smallTime) s then \(largeTime) s")
    }
}
