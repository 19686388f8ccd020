/// The `capacity` highest scores seen, kept in a small min-heap.
struct TopScores {
    private(set) var heap: [(score: Float, row: Int)] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    /// The lowest score a new one must beat to be kept: -infinity until `capacity` scores are kept.
    var threshold: Float { heap.count < capacity ? -.infinity : heap[0].score }

    mutating func offer(_ score: Float, _ row: Int) {
        if heap.count < capacity {
            heap.append((score, row))
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[child].score < heap[parent].score else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if score > heap[0].score {
            heap[0] = (score, row)
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].score < heap[smallest].score { smallest = left }
                if right < heap.count, heap[right].score < heap[smallest].score { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }

    /// The kept scores, highest first.
    func sorted() -> [(score: Float, row: Int)] {
        heap.sorted { $0.score > $1.score }
    }
}
