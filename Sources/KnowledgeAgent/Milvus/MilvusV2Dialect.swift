import SparkJSON

/// The RESTful API v2 of Milvus 2.4 and later (`/v2/vectordb/...`): a schema with the chunk id as the primary
/// key (no server-assigned ids), real upserts, deletes by filter; success is `code: 0`.
struct MilvusV2Dialect: MilvusDialect {
    let connection: MilvusConnection
    var name: String { "RESTful API v2" }

    /// Rows per upsert, and ids per delete filter.
    static let batchSize = 1000

    private func call(_ path: String, _ json: JSONValue) async throws -> JSONValue {
        try await connection.call("POST", "/v2/vectordb/" + path, json, success: 0)
    }

    func collections() async throws -> [String] {
        try (await call("collections/list", [:]).arrayValue ?? []).compactMap(\.stringValue)
    }

    func dimension(of collection: String) async throws -> Int? {
        let data: JSONValue
        do {
            data = try await call("collections/describe", ["collectionName": .string(collection)])
        } catch let error as MilvusError where error.code == .collectionNotFound {
            return nil
        }
        for field in data["fields"]?.arrayValue ?? [] where field["type"]?.stringValue == "FloatVector" {
            for parameter in field["params"]?.arrayValue ?? [] where parameter["key"]?.stringValue == "dim" {
                if let dimension = parameter["value"]?.intValue ?? parameter["value"]?.stringValue.flatMap({ Int($0) }) {
                    return dimension
                }
            }
        }
        throw MilvusError(.malformedResponse, "collection \(collection) has no float vector field with a dim")
    }

    func create(_ collection: String, dimension: Int) async throws {
        let schema: JSONValue = [
            "autoId": false, "enableDynamicField": false,
            "fields": [
                ["fieldName": "chunk_id", "dataType": "Int64", "isPrimary": true],
                ["fieldName": "vector", "dataType": "FloatVector", "elementTypeParams": ["dim": .string("\(dimension)")]],
            ],
        ]
        let index: JSONValue = [
            ["fieldName": "vector", "indexName": "vector", "metricType": "COSINE", "indexType": "AUTOINDEX"]
        ]
        do {
            _ = try await call(
                "collections/create",
                ["collectionName": .string(collection), "schema": schema, "indexParams": index])
        } catch let error as MilvusError where error.message.lowercased().contains("already exist") {
            // Another client created it in the meantime.
        }
        try await MilvusLoadWait.until(collection) {
            let state = try await call("collections/get_load_state", ["collectionName": .string(collection)])
            return state["loadState"]?.stringValue == "LoadStateLoaded"
        }
    }

    func drop(_ collection: String) async throws {
        _ = try await call("collections/drop", ["collectionName": .string(collection)])
    }

    func upsert(_ vectors: [ChunkVector], into collection: String) async throws {
        for start in stride(from: 0, to: vectors.count, by: Self.batchSize) {
            let rows: [JSONValue] = vectors[start..<min(start + Self.batchSize, vectors.count)].map { vector in
                ["chunk_id": .int(Int(vector.chunkID)), "vector": .array(vector.vector.map { .double(Double($0)) })]
            }
            _ = try await call("entities/upsert", ["collectionName": .string(collection), "data": .array(rows)])
        }
    }

    func remove(_ chunkIDs: [Int64], from collection: String) async throws {
        for start in stride(from: 0, to: chunkIDs.count, by: Self.batchSize) {
            let batch = chunkIDs[start..<min(start + Self.batchSize, chunkIDs.count)]
            _ = try await call(
                "entities/delete",
                ["collectionName": .string(collection), "filter": .string(Self.filter(chunkIDs: batch))])
        }
    }

    func search(_ query: [Float], limit: Int, in collection: String) async throws -> [VectorMatch] {
        let data = try await call(
            "entities/search",
            [
                "collectionName": .string(collection), "data": [.array(query.map { .double(Double($0)) })],
                "annsField": "vector", "limit": .int(limit), "outputFields": ["chunk_id"],
            ])
        return try Self.matches(JSONValueRow.rows(data), limit: limit)
    }

    func count(_ collection: String) async throws -> Int {
        let data = try await call(
            "entities/query",
            ["collectionName": .string(collection), "filter": "", "outputFields": ["count(*)"]])
        guard let count = try JSONValueRow.rows(data).first?.int64("count(*)") else {
            throw MilvusError(.malformedResponse, "count(*) is missing from the reply")
        }
        return Int(count)
    }
}
