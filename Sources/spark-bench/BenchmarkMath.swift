/// Small statistics and formatting shared by the benchmarks.
enum BenchmarkMath {
    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) / 1e18
    }

    /// The median (0 for no values).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// `value` rounded to three decimals.
    static func format(_ value: Double) -> String {
        "\((value * 1000).rounded() / 1000)"
    }

    /// Times `body` `runs + 1` times and returns the seconds of the last `runs` (the first warms up).
    static func timeRuns(_ runs: Int, _ body: () async throws -> Void) async rethrows -> [Double] {
        var times: [Double] = []
        for run in 0...runs {
            let start = ContinuousClock.now
            try await body()
            if run > 0 { times.append(seconds(ContinuousClock.now - start)) }
        }
        return times
    }
}
