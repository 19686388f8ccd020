/// Ways to cut a byte stream into the chunks a streaming parser is fed, to check that the cut never matters.
enum ChunkPlan {
    /// The split points of `count` bytes for each plan: whole, one byte at a time, and random cuts of up to
    /// 3, 17 or 256 bytes (from `seed`, so a failing input replays the same cuts; one plan per input keeps
    /// the targets fast, and the inputs vary the cuts).
    static func cuts(count: Int, seed: UInt64) -> [[Range<Int>]] {
        var plans: [[Range<Int>]] = [[0..<count], (0..<count).map { $0..<($0 + 1) }]
        var random = SplitMix64(seed: seed)
        for maximum in [[3, 17, 256][random.next(below: 3)]] {
            var plan: [Range<Int>] = []
            var start = 0
            while start < count {
                let end = min(count, start + 1 + random.next(below: maximum))
                plan.append(start..<end)
                start = end
            }
            plans.append(plan)
        }
        return plans
    }
}
