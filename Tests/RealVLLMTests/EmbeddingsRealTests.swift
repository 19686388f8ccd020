import AgentCore
import Testing

extension RealVLLMTests {
    /// `ModelClient.embeddings` against all-MiniLM-L6-v2 on the real vLLM.
    @Suite(.realEmbeddingModel) struct EmbeddingsRealTests {
        let client = RealVLLM.client()

        private static func norm(_ vector: [Double]) -> Double { vector.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        private static func cosine(_ a: [Double], _ b: [Double]) -> Double {
            zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } / (norm(a) * norm(b))
        }

        @Test func vectorsHave384UnitLengthDimensionsAndMeaning() async throws {
            let vectors = try await client.embeddings(
                model: RealEmbeddingModel.model,
                inputs: [
                    "How do I configure the logger?", "Setting up logging output and log levels",
                    "The recipe needs two eggs and a cup of flour",
                ],
                endpoint: RealEmbeddingModel.endpoint)
            #expect(vectors.count == 3)
            for vector in vectors {
                #expect(vector.count == RealEmbeddingModel.dimensions)
                #expect(abs(Self.norm(vector) - 1) < 1e-4)
            }
            // A paraphrase is nearer than an unrelated sentence.
            #expect(Self.cosine(vectors[0], vectors[1]) > Self.cosine(vectors[0], vectors[2]) + 0.2)
        }

        /// Over 256 tokens vLLM answers 400 unless the request carries `truncate_prompt_tokens`.
        @Test func aLongInputNeedsTruncatePromptTokens() async throws {
            let long = Array(repeating: "the knowledge base indexes documentation by headings", count: 60)
                .joined(separator: " ")
            await #expect {
                try await client.embeddings(
                    model: RealEmbeddingModel.model, inputs: [long], endpoint: RealEmbeddingModel.endpoint)
            } throws: { error in
                (error as? LLMError)?.httpStatus == 400
            }
            let vectors = try await client.embeddings(
                model: RealEmbeddingModel.model, inputs: [long, "short"],
                truncatePromptTokens: RealEmbeddingModel.maxTokens, endpoint: RealEmbeddingModel.endpoint)
            #expect(vectors.map(\.count) == [RealEmbeddingModel.dimensions, RealEmbeddingModel.dimensions])
            #expect(abs(Self.norm(vectors[0]) - 1) < 1e-4)
        }
    }
}
