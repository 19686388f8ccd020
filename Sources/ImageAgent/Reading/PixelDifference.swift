/// The measured difference between two images of the same size, in 8-bit RGB: which pixels changed, and
/// the bounding boxes of the changed regions.
struct PixelDifference: Hashable, Sendable {
    /// A changed region, in pixels of the first image.
    struct Region: Hashable, Sendable {
        var x: Int
        var y: Int
        var width: Int
        var height: Int
        var changedPixels: Int
    }

    /// A pixel changed when one channel moved by more than this (JPEG noise stays below it).
    static let threshold = 24
    /// Changed pixels closer than this many pixels belong to one region.
    static let cell = 8

    var width: Int
    var height: Int
    var changedPixels: Int
    /// Largest first.
    var regions: [Region]
    /// One byte per pixel: 1 where it changed.
    var mask: [UInt8]

    var changedShare: Double { Double(changedPixels) / Double(max(width * height, 1)) }

    /// Compares two RGB buffers of `width` x `height`.
    init(first: [UInt8], second: [UInt8], width: Int, height: Int) {
        self.width = width
        self.height = height
        var mask = [UInt8](repeating: 0, count: width * height)
        var changed = 0
        for pixel in 0..<(width * height) {
            let offset = pixel * 3
            var largest = 0
            for channel in 0..<3 {
                largest = max(largest, abs(Int(first[offset + channel]) - Int(second[offset + channel])))
            }
            if largest > Self.threshold {
                mask[pixel] = 1
                changed += 1
            }
        }
        self.mask = mask
        changedPixels = changed
        regions = changed == 0 ? [] : Self.regions(mask: mask, width: width, height: height)
    }

    /// Groups changed pixels into regions: cells of `cell` x `cell` pixels holding a change, joined with
    /// their 8 neighbours, each region's box tight around its changed pixels.
    private static func regions(mask: [UInt8], width: Int, height: Int) -> [Region] {
        let columns = (width + cell - 1) / cell
        let rows = (height + cell - 1) / cell
        var cells = [Bool](repeating: false, count: columns * rows)
        for y in 0..<height {
            for x in 0..<width where mask[y * width + x] != 0 { cells[(y / cell) * columns + x / cell] = true }
        }
        var label = [Int](repeating: -1, count: columns * rows)
        var regions: [Region] = []
        for start in 0..<cells.count where cells[start] && label[start] < 0 {
            let id = regions.count
            var stack = [start]
            label[start] = id
            var members: [Int] = []
            while let index = stack.popLast() {
                members.append(index)
                let (row, column) = (index / columns, index % columns)
                for dy in -1...1 {
                    for dx in -1...1 {
                        let (r, c) = (row + dy, column + dx)
                        guard r >= 0, r < rows, c >= 0, c < columns else { continue }
                        let neighbour = r * columns + c
                        if cells[neighbour] && label[neighbour] < 0 {
                            label[neighbour] = id
                            stack.append(neighbour)
                        }
                    }
                }
            }
            var (minX, minY, maxX, maxY, count) = (Int.max, Int.max, -1, -1, 0)
            for index in members {
                let (row, column) = (index / columns, index % columns)
                for y in (row * cell)..<min((row + 1) * cell, height) {
                    for x in (column * cell)..<min((column + 1) * cell, width) where mask[y * width + x] != 0 {
                        (minX, minY, maxX, maxY) = (min(minX, x), min(minY, y), max(maxX, x), max(maxY, y))
                        count += 1
                    }
                }
            }
            regions.append(Region(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1, changedPixels: count))
        }
        return regions.sorted { $0.changedPixels > $1.changedPixels }
    }

    /// A picture of the difference: the first image faded to grey, changed pixels in red.
    func picture(over first: [UInt8]) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for pixel in 0..<(width * height) {
            let offset = pixel * 3
            if mask[pixel] != 0 {
                (pixels[offset], pixels[offset + 1], pixels[offset + 2]) = (255, 0, 0)
            } else {
                let grey = (Int(first[offset]) + Int(first[offset + 1]) + Int(first[offset + 2])) / 3
                let faded = UInt8(128 + grey / 2)
                (pixels[offset], pixels[offset + 1], pixels[offset + 2]) = (faded, faded, faded)
            }
        }
        return pixels
    }
}
