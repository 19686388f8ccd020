import AgentCore

extension PatternCatalog {
    static let java: [CodePattern] = [
        CodePattern(
            .java, .fileIO, "java.nio.file.Files for reading and writing", keywords: ["nio", "files", "path"],
            signal: #"Files\.(readString|writeString|lines|readAllLines)|new FileReader"#,
            code: """
                Path input = Path.of("config.txt");
                String text = Files.readString(input, StandardCharsets.UTF_8);
                Files.writeString(Path.of("out.txt"), text.toUpperCase(), StandardCharsets.UTF_8);

                try (Stream<String> lines = Files.lines(Path.of("big.log"))) {
                    lines.filter(line -> line.contains("ERROR")).forEach(this::report);
                }
                """),
        CodePattern(
            .java, .http, "java.net.http.HttpClient", keywords: ["httpclient", "httprequest"],
            signal: #"HttpClient|HttpRequest|HttpURLConnection"#,
            code: """
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.example.com/items"))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                """),
        CodePattern(
            .java, .json, "Jackson ObjectMapper with records", keywords: ["jackson", "gson", "objectmapper", "record"],
            signal: #"ObjectMapper|Gson|readValue\("#,
            code: """
                record User(long id, @JsonProperty("display_name") String name) {}

                ObjectMapper mapper = new ObjectMapper();
                User user = mapper.readValue(json, User.class);
                String out = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(user);
                """),
        CodePattern(
            .java, .errorHandling, "Try-with-resources and exception chaining",
            keywords: ["try-with-resources", "throws", "exception"], signal: #"catch\s*\(|throws\s+\w"#,
            code: """
                public Config load(Path path) throws ConfigException {
                    try (BufferedReader reader = Files.newBufferedReader(path)) {
                        return parse(reader);
                    } catch (IOException e) {
                        throw new ConfigException("cannot read " + path, e);   // keep the cause
                    }
                }
                """),
        CodePattern(
            .java, .concurrency, "Virtual threads and CompletableFuture",
            keywords: ["executor", "completablefuture", "virtual", "thread", "synchronized"],
            signal: #"ExecutorService|CompletableFuture|Executors\.|synchronized"#,
            code: """
                try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {   // Java 21
                    List<Future<String>> pages = urls.stream().map(url -> executor.submit(() -> fetch(url))).toList();
                    for (Future<String> page : pages) {
                        handle(page.get());
                    }
                }

                CompletableFuture<User> user = CompletableFuture.supplyAsync(() -> api.user(id));
                """),
        CodePattern(
            .java, .testing, "JUnit 5 tests with parameterised cases",
            keywords: ["junit", "assertions", "parameterizedtest", "mockito"],
            signal: #"@Test|@ParameterizedTest|assertEquals"#,
            code: """
                class CalculatorTest {
                    @ParameterizedTest
                    @CsvSource({"1, 2, 3", "0, 0, 0", "-1, 1, 0"})
                    void adds(int a, int b, int expected) {
                        assertEquals(expected, new Calculator().add(a, b));
                    }

                    @Test
                    void divideByZeroThrows() {
                        assertThrows(ArithmeticException.class, () -> new Calculator().divide(1, 0));
                    }
                }
                """),
        CodePattern(
            .java, .cliArguments, "Arguments with picocli", keywords: ["picocli", "args", "main"],
            signal: #"String\[\] args|@Option|@Parameters"#,
            code: """
                @Command(name = "resize", mixinStandardHelpOptions = true)
                class Resize implements Callable<Integer> {
                    @Parameters(description = "images") List<Path> paths;
                    @Option(names = {"-w", "--width"}, defaultValue = "800") int width;

                    public Integer call() throws Exception {
                        for (Path path : paths) resize(path, width);
                        return 0;
                    }

                    public static void main(String[] args) { System.exit(new CommandLine(new Resize()).execute(args)); }
                }
                """),
        CodePattern(
            .java, .logging, "SLF4J loggers with placeholders", keywords: ["slf4j", "logback", "log4j", "logger"],
            signal: #"LoggerFactory|Logger\.getLogger|log\.(info|error)"#,
            code: """
                private static final Logger log = LoggerFactory.getLogger(Importer.class);

                log.info("importing {} files", files.size());      // placeholders, not concatenation
                log.error("import failed for {}", path, exception);
                """),
        CodePattern(
            .java, .regex, "Precompiled Pattern with named groups", keywords: ["pattern", "matcher"],
            signal: #"Pattern\.compile|\.matches\(|Matcher"#,
            code: """
                private static final Pattern LOG_LINE = Pattern.compile("^(?<level>INFO|WARN|ERROR) (?<message>.*)$");

                Matcher m = LOG_LINE.matcher(line);
                if (m.matches()) {
                    report(m.group("level"), m.group("message"));
                }
                """),
        CodePattern(
            .java, .dates, "java.time: Instant, ZonedDateTime, Duration",
            keywords: ["java.time", "instant", "localdate", "zoneddatetime"],
            signal: #"Instant\.|LocalDate|ZonedDateTime|Duration\."#,
            code: """
                Instant now = Instant.now();
                String stamp = now.toString();                                  // ISO 8601, UTC
                Instant parsed = Instant.parse("2024-05-01T12:00:00Z");
                ZonedDateTime paris = now.atZone(ZoneId.of("Europe/Paris"));
                Duration elapsed = Duration.between(start, now);
                """),
        CodePattern(
            .java, .subprocess, "ProcessBuilder with a timeout", keywords: ["processbuilder", "runtime.exec"],
            signal: #"ProcessBuilder|Runtime\.getRuntime\(\)\.exec"#,
            code: """
                Process process = new ProcessBuilder("git", "status", "--short").redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("git timed out");
                }
                """),
    ]
}
