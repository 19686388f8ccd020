#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The soak's size and seed, from the environment: `SPARK_SOAK_CHATS` operations (200 by default: the short run
/// of `make test`; `make soak` runs 5,000), `SPARK_SOAK_SEED` to replay a run (each run prints its seed).
struct SoakConfiguration {
    var operations: Int
    var seed: UInt64
    /// The first operations, where faults that end the server (disconnects, kills) are injected; the rest run on
    /// one long-lived server whose memory is measured.
    var restartPhase: Int { operations * 3 / 10 }
    /// Operations of the long-lived server before its memory is first measured (start-up, caches, the first
    /// sessions).
    var warmUp: Int { max(20, (operations - restartPhase) / 10) }
    /// How much the long-lived server's resident memory may grow from the end of its warm-up to the end of the
    /// run: 8 MiB, whatever the length (a leak of a few hundred bytes per operation breaks it over 5,000).
    var residentGrowthBound = 8 << 20
    /// How long any request may take before it counts as a hang (the longest fault, a stall, ends in about 1 s).
    var requestTimeout = Duration.seconds(60)

    static func fromEnvironment() -> SoakConfiguration {
        let environment = ProcessInfo.processInfo.environment
        let operations = environment["SPARK_SOAK_CHATS"].flatMap { Int($0) } ?? 200
        let seed = environment["SPARK_SOAK_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64(UInt32.max))
        return SoakConfiguration(operations: max(operations, 10), seed: seed)
    }
}
