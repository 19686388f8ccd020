import AgentCore

extension PatternCatalog {
    static let c: [CodePattern] = [
        CodePattern(
            .c, .fileIO, "Read a file line by line with getline", keywords: ["fopen", "getline", "fread", "stdio"],
            signal: #"fopen\(|getline\(|fread\(|fgets\("#,
            code: """
                FILE *file = fopen("big.log", "r");
                if (file == NULL) { perror("big.log"); return -1; }
                char *line = NULL;
                size_t capacity = 0;
                ssize_t length;
                while ((length = getline(&line, &capacity, file)) != -1) {
                    process(line, (size_t)length);
                }
                free(line);
                fclose(file);
                """),
        CodePattern(
            .c, .http, "HTTP GET with libcurl", keywords: ["libcurl", "curl"], signal: #"curl_easy_"#,
            code: """
                CURL *curl = curl_easy_init();
                if (!curl) return -1;
                curl_easy_setopt(curl, CURLOPT_URL, "https://api.example.com/items");
                curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
                curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_to_buffer);
                curl_easy_setopt(curl, CURLOPT_WRITEDATA, &buffer);
                CURLcode result = curl_easy_perform(curl);
                long status = 0;
                curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
                curl_easy_cleanup(curl);
                """),
        CodePattern(
            .c, .errorHandling, "Return codes with errno and a single cleanup path",
            keywords: ["errno", "goto", "cleanup", "perror"], signal: #"errno|perror\(|strerror\("#,
            code: """
                int copy_file(const char *from, const char *to) {
                    int status = -1;
                    FILE *in = NULL, *out = NULL;
                    if ((in = fopen(from, "rb")) == NULL) goto done;
                    if ((out = fopen(to, "wb")) == NULL) goto done;
                    /* ... copy ... */
                    status = 0;
                done:
                    if (status != 0) fprintf(stderr, "copy failed: %s\\n", strerror(errno));
                    if (in) fclose(in);
                    if (out) fclose(out);
                    return status;
                }
                """),
        CodePattern(
            .c, .concurrency, "POSIX threads with a mutex", keywords: ["pthread", "mutex", "thread"],
            signal: #"pthread_"#,
            code: """
                static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
                static long total = 0;

                static void *worker(void *arg) {
                    long value = compute((long)(intptr_t)arg);
                    pthread_mutex_lock(&lock);
                    total += value;
                    pthread_mutex_unlock(&lock);
                    return NULL;
                }
                /* pthread_create(&threads[i], NULL, worker, (void *)(intptr_t)i); ... pthread_join(threads[i], NULL); */
                """),
        CodePattern(
            .c, .testing, "Plain assert-based tests", keywords: ["assert", "unity", "cmocka"],
            signal: #"assert\(|TEST_ASSERT|cmocka"#,
            code: """
                #include <assert.h>

                static void test_square(void) {
                    assert(square(0) == 0);
                    assert(square(-3) == 9);
                }

                int main(void) {
                    test_square();
                    return 0;
                }
                """),
        CodePattern(
            .c, .cliArguments, "Options with getopt", keywords: ["getopt", "argv", "argc"], signal: #"getopt\(|argv\["#,
            code: """
                int width = 800, verbose = 0, option;
                while ((option = getopt(argc, argv, "w:v")) != -1) {
                    switch (option) {
                    case 'w': width = atoi(optarg); break;
                    case 'v': verbose = 1; break;
                    default: fprintf(stderr, "usage: %s [-w width] [-v] file...\\n", argv[0]); return 2;
                    }
                }
                for (int i = optind; i < argc; i++) resize(argv[i], width, verbose);
                """),
        CodePattern(
            .c, .logging, "Log to stderr with a level macro", keywords: ["fprintf", "stderr", "syslog"],
            signal: #"fprintf\(stderr|syslog\("#,
            code: """
                #define LOG(level, ...) do { fprintf(stderr, "[%s] ", level); fprintf(stderr, __VA_ARGS__); fputc('\\n', stderr); } while (0)

                LOG("info", "importing %zu files", count);
                """),
        CodePattern(
            .c, .regex, "POSIX regular expressions", keywords: ["regcomp", "regexec", "regex.h"],
            signal: #"regcomp\(|regexec\("#,
            code: """
                regex_t regex;
                if (regcomp(&regex, "^(INFO|WARN|ERROR) (.*)$", REG_EXTENDED) != 0) return -1;
                regmatch_t groups[3];
                if (regexec(&regex, line, 3, groups, 0) == 0) {
                    printf("%.*s\\n", (int)(groups[1].rm_eo - groups[1].rm_so), line + groups[1].rm_so);
                }
                regfree(&regex);
                """),
        CodePattern(
            .c, .dates, "Monotonic timing and UTC timestamps", keywords: ["clock_gettime", "strftime", "time.h"],
            signal: #"clock_gettime|strftime|gmtime"#,
            code: """
                struct timespec start, end;
                clock_gettime(CLOCK_MONOTONIC, &start);
                work();
                clock_gettime(CLOCK_MONOTONIC, &end);
                double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;

                char stamp[32];
                time_t now = time(NULL);
                strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
                """),
        CodePattern(
            .c, .subprocess, "posix_spawnp instead of system()", keywords: ["posix_spawn", "fork", "exec", "waitpid"],
            signal: #"posix_spawn|fork\(|execvp\(|system\("#,
            code: """
                char *argv[] = {"git", "status", "--short", NULL};
                pid_t pid;
                if (posix_spawnp(&pid, "git", NULL, NULL, argv, environ) != 0) return -1;
                int status;
                waitpid(pid, &status, 0);
                if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
                """),
        CodePattern(
            .cpp, .fileIO, "std::ifstream and std::filesystem", keywords: ["ifstream", "ofstream", "filesystem"],
            signal: #"std::(ifstream|ofstream|filesystem)"#,
            code: """
                std::ifstream in{"big.log"};
                if (!in) throw std::runtime_error{"cannot open big.log"};
                for (std::string line; std::getline(in, line);) process(line);

                std::ofstream{"out.txt"} << text;
                for (const auto &entry : std::filesystem::directory_iterator{"."}) use(entry.path());
                """),
        CodePattern(
            .cpp, .errorHandling, "Exceptions with RAII, or std::expected",
            keywords: ["exception", "raii", "expected", "optional"], signal: #"try\s*\{|throw\s+std::|std::expected"#,
            code: """
                std::expected<int, std::string> parse_port(std::string_view text) {   // C++23
                    int value = 0;
                    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
                    if (ec != std::errc{}) return std::unexpected{"not a number"};
                    return value;
                }
                """),
        CodePattern(
            .cpp, .concurrency, "std::jthread, std::async and std::mutex",
            keywords: ["jthread", "async", "mutex", "atomic", "future"],
            signal: #"std::(thread|jthread|async|mutex|atomic)"#,
            code: """
                std::mutex mutex;
                std::vector<std::string> results;
                {
                    std::vector<std::jthread> workers;
                    for (const auto &url : urls)
                        workers.emplace_back([&, url] {
                            auto page = fetch(url);
                            std::scoped_lock lock{mutex};
                            results.push_back(std::move(page));
                        });
                } // jthreads join here
                auto total = std::async(std::launch::async, [] { return compute(); }).get();
                """),
        CodePattern(
            .cpp, .testing, "GoogleTest cases", keywords: ["gtest", "googletest", "catch2"],
            signal: #"TEST\(|TEST_F\(|EXPECT_EQ"#,
            code: """
                #include <gtest/gtest.h>

                TEST(SquareTest, HandlesNegatives) {
                    EXPECT_EQ(square(-3), 9);
                }

                TEST(ParserTest, RejectsEmptyInput) {
                    EXPECT_THROW(parse(""), std::invalid_argument);
                }
                """),
    ]
}
