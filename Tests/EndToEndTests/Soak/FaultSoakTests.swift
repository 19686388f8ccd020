import SparkLSP
import SparkTestSupport
import Testing

/// The fault soak: thousands of chats and code actions through the built `spark-lsp` against the scripted model
/// server, with seeded random faults (cut streams, 500s, 429s, stalls past the idle timeout, malformed SSE, invalid
/// tool-call JSON, cancels at random points and while an edit waits for the editor, clients that disconnect
/// mid-stream, `SIGKILL` around session writes followed by a restart on the same data) and the user typing between
/// the agent's read and its write. At the end: no crash, no hang, every request answered, the sessions database
/// intact with no half-stored turn, no edit applied twice or after its refusal, no user line overwritten unseen,
/// and the long-lived server's resident memory flat.
///
/// `SPARK_SOAK_CHATS` sets the number of operations (200 here; `make soak` runs 5,000), `SPARK_SOAK_SEED` replays a
/// run; the seed and a summary line are printed.
@Suite struct FaultSoakTests {
    @Test func faultsNeverCrashHangLoseWorkOrLeak() async throws {
        let configuration = SoakConfiguration.fromEnvironment()
        print(
            "soak: seed \(configuration.seed) (replay with SPARK_SOAK_SEED=\(configuration.seed)), \(configuration.operations) operations"
        )
        let clock = ContinuousClock()
        let started = clock.now
        let run = try SoakRun(configuration: configuration)
        var generator = SplitMix64(seed: configuration.seed)
        var sessions: [String] = []
        var server = try await run.launch()
        var residentAfterWarmUp: Int?
        var residentBaseServer: Int32?
        for number in 0..<configuration.operations {
            if number == configuration.restartPhase + configuration.warmUp {
                residentAfterWarmUp = try server.residentBytes()
                residentBaseServer = server.process.pid
            }
            let operation = SoakOperation.random(
                number: number, using: &generator, restarts: number < configuration.restartPhase, sessions: &sessions)
            server = try await run.run(operation, on: server)
            if number % 25 == 24 { await run.checkBuffers(on: server.client, after: operation.id) }
        }
        await run.checkBuffers(on: server.client, after: "the last operation")
        let residentAtEnd = try server.residentBytes()
        let sameServer = residentBaseServer == server.process.pid
        let exitCode = try await server.shutdown()
        let storage = try await SoakStorageCheck(path: run.databasePath, chats: run.withCounts { $0.chats })
        let duration = clock.now - started

        let drift = residentAfterWarmUp.map { residentAtEnd - $0 }
        let figures = run.editor.figures
        let summary = run.withCounts { counts in
            """
            soak: seed \(configuration.seed), \(counts.operations.values.reduce(0, +)) operations \
            (\(Self.list(counts.operations))), \(run.model.requests) model requests (\(run.model.late) of an interrupted run read after its answer); outcomes \(Self.list(counts.outcomes)); \
            faults \(Self.list(run.model.faults)); user typed \(figures.typed) times; edits applied \(figures.applied), \
            rejected as stale by the editor \(figures.rejected), refused to the agent \(figures.refusals); \
            restarts \(counts.restarts); crashes \(counts.crashes.count + (exitCode == 0 ? 0 : 1)); \
            hangs \(counts.hangs.count); unanswered \(counts.unanswered.count); \
            integrity \(storage.integrity); \(storage.sessions) sessions, \(storage.messages) messages; \
            lost rows \(storage.lostRows.count); half-stored turns \(storage.halfStored.count); \
            edit violations \(run.editor.violations.count); \
            memory drift \(drift.map { "\($0 >> 10) KiB" } ?? "not measured") \
            (VmRSS \((residentAfterWarmUp ?? 0) >> 10) -> \(residentAtEnd >> 10) KiB over \
            \(configuration.operations - configuration.restartPhase - configuration.warmUp) operations, bound \
            \(configuration.residentGrowthBound >> 20) MiB); duration \(duration)
            """
        }
        print(summary)

        let clean = run.withCounts { counts in
            counts.crashes.isEmpty && counts.hangs.isEmpty && counts.unanswered.isEmpty
        }
        run.withCounts { counts in
            #expect(counts.crashes.isEmpty, "crashes: \(counts.crashes)")
            #expect(counts.hangs.isEmpty, "hangs: \(counts.hangs)")
            #expect(counts.unanswered.isEmpty, "unanswered: \(counts.unanswered)")
        }
        #expect(exitCode == 0, "exit code after shutdown and exit")
        #expect(run.model.strays.isEmpty, "model requests of no operation under way: \(run.model.strays.prefix(5))")
        #expect(storage.integrity == "ok")
        #expect(storage.lostRows.isEmpty, "\(storage.lostRows.prefix(10))")
        #expect(storage.halfStored.isEmpty, "\(storage.halfStored.prefix(10))")
        #expect(run.editor.violations.isEmpty, "\(run.editor.violations.prefix(10))")
        #expect(sameServer, "the long-lived server was restarted after its warm-up")
        if let drift { #expect(drift < configuration.residentGrowthBound, "VmRSS grew by \(drift >> 10) KiB") }
        let passed =
            clean && exitCode == 0 && run.model.strays.isEmpty && storage.integrity == "ok" && storage.lostRows.isEmpty
            && storage.halfStored.isEmpty && run.editor.violations.isEmpty
        if passed { run.remove() } else { print("soak: the server's log and data are kept in \(run.directory)") }
    }

    private static func list(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
