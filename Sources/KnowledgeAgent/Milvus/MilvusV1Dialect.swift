import SparkJSON

/// Milvus 2.3's RESTful API v1 (`/v1/vector/...`). Its quirks: errors come as HTTP 200 with a `code` other
/// than 200; `collections/create` always makes a server-assigned primary key (`id`) and keeps other fields as
/// dynamic fields, so the chunk id is the dynamic field `chunk_id` and an upsert is a delete by filter followed
/// by an insert (deletes are ordered by time, so the new rows survive); writes become visible to search after
/// ~0.1-0.4 s; a new collection takes ~2 s to load.
struct MilvusV1Dialect: MilvusDialect {
    let connection: MilvusConnection
    var name: String { "RESTful API v1" }

    /// Rows per insert, and ids per delete filter.
    static let batchSize = 1000

    private func call(_ method: String, _ path: String, _ json: JSONValue? = nil) async throws -> JSONValue {
        try await connection.call(method, "/v1/vector/" + path, json, success: 200)
    }

    func collections() async throws -> [String] {
        try (await call("GET", "collections").arrayValue ?? []).compactMap(\.stringValue)
    }

    func dimension(of collection: String) async throws -> Int? {
        let data: JSONValue
        do {
            data = try await call("GET", "collections/describe?collectionName=\(collection)")
        } catch let error as MilvusError where error.code == .collectionNotFound {
            return nil
        }
        // The vector field's type reads "FloatVector(384)".
        for field in data["fields"]?.arrayValue ?? [] {
            guard let type = field["type"]?.stringValue, type.hasPrefix("FloatVector("), type.hasSuffix(")") else {
                continue
            }
            if let dimension = Int(type.dropFirst("FloatVector(".count).dropLast()) { return dimension }
        }
        throw MilvusError(.malformedResponse, "collection \(collection) has no float vector field")
    }

    private func isLoaded(_ collection: String) async throws -> Bool {
        let data = try await call("GET", "collections/describe?collectionName=\(collection)")
        return data["load"]?.stringValue == "LoadStateLoaded"
    }

    func create(_ collection: String, dimension: Int) async throws {
        _ = try await call(
            "POST", "collections/create",
            [
                "collectionName": .string(collection), "dimension": .int(dimension), "metricType": "COSINE",
                "primaryField": "id", "vectorField": "vector",
                "description": "SparkLSP knowledge base: chunk vectors (chunk_id is the chunk's id in SQLite)",
            ])
        try await MilvusLoadWait.until(collection) { try await isLoaded(collection) }
    }

    func drop(_ collection: String) async throws {
        _ = try await call("POST", "collections/drop", ["collectionName": .string(collection)])
    }

    func upsert(_ vectors: [ChunkVector], into collection: String) async throws {
        for start in stride(from: 0, to: vectors.count, by: Self.batchSize) {
            let batch = vectors[start..<min(start + Self.batchSize, vectors.count)]
            try await remove(batch.map(\.chunkID), from: collection)
            let rows: [JSONValue] = batch.map { vector in
                ["chunk_id": .int(Int(vector.chunkID)), "vector": .array(vector.vector.map { .double(Double($0)) })]
            }
            _ = try await call("POST", "insert", ["collectionName": .string(collection), "data": .array(rows)])
        }
    }

    func remove(_ chunkIDs: [Int64], from collection: String) async throws {
        for start in stride(from: 0, to: chunkIDs.count, by: Self.batchSize) {
            let batch = chunkIDs[start..<min(start + Self.batchSize, chunkIDs.count)]
            _ = try await call(
                "POST", "delete",
                ["collectionName": .string(collection), "filter": .string(Self.filter(chunkIDs: batch))])
        }
    }

    func search(_ query: [Float], limit: Int, in collection: String) async throws -> [VectorMatch] {
        let data = try await call(
            "POST", "search",
            [
                "collectionName": .string(collection), "vector": .array(query.map { .double(Double($0)) }),
                "outputFields": ["chunk_id"], "limit": .int(min(limit * 2, 16_384)),
            ])
        return try Self.matches(JSONValueRow.rows(data), limit: limit)
    }

    func count(_ collection: String) async throws -> Int {
        // `limit: 0` turns off the default page, which `count(*)` refuses; server-assigned ids are positive.
        let data = try await call(
            "POST", "query",
            [
                "collectionName": .string(collection), "filter": "id > 0", "outputFields": ["count(*)"],
                "limit": 0,
            ])
        guard let count = try JSONValueRow.rows(data).first?.int64("count(*)") else {
            throw MilvusError(.malformedResponse, "count(*) is missing from the reply")
        }
        return Int(count)
    }
}
