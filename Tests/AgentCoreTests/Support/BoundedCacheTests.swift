import Testing

@testable import AgentCore

@Suite struct BoundedCacheTests {
    @Test func keepsValuesUpToItsCapacityAndMakesTheRestEachTime() {
        let cache = BoundedCache<Int, String>(capacity: 2)
        var made: [Int] = []
        for key in [1, 2, 3, 1, 2, 3] {
            let value = cache.value(for: key) {
                made.append(key)
                return "value \(key)"
            }
            #expect(value == "value \(key)")
        }
        #expect(made == [1, 2, 3, 3])
        #expect(cache.count == 2)
    }
}
