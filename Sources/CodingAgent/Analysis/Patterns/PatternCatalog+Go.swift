import AgentCore

extension PatternCatalog {
    static let go: [CodePattern] = [
        CodePattern(
            .go, .fileIO, "Read and write files with os and bufio", keywords: ["os", "bufio", "scanner", "readfile"],
            signal: #"os\.(ReadFile|WriteFile|Open|Create)|bufio\."#,
            code: """
                data, err := os.ReadFile("config.txt")
                if err != nil {
                    return fmt.Errorf("read config: %w", err)
                }
                if err := os.WriteFile("out.txt", bytes.ToUpper(data), 0o644); err != nil {
                    return err
                }

                f, err := os.Open("big.log")
                if err != nil { return err }
                defer f.Close()
                scanner := bufio.NewScanner(f)
                for scanner.Scan() { process(scanner.Text()) }
                return scanner.Err()
                """),
        CodePattern(
            .go, .http, "HTTP client with context and timeout", keywords: ["net/http", "context", "client"],
            signal: #"http\.(Get|Post|NewRequest|Client)"#,
            code: """
                client := &http.Client{Timeout: 10 * time.Second}
                req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.example.com/items", nil)
                if err != nil { return nil, err }
                resp, err := client.Do(req)
                if err != nil { return nil, err }
                defer resp.Body.Close()
                if resp.StatusCode != http.StatusOK {
                    return nil, fmt.Errorf("unexpected status %s", resp.Status)
                }
                var items []Item
                return items, json.NewDecoder(resp.Body).Decode(&items)
                """),
        CodePattern(
            .go, .json, "encoding/json with struct tags", keywords: ["encoding/json", "marshal", "unmarshal", "tags"],
            signal: #"json\.(Marshal|Unmarshal|NewDecoder|NewEncoder)"#,
            code: """
                type User struct {
                    ID          int    `json:"id"`
                    DisplayName string `json:"display_name"`
                    Email       string `json:"email,omitempty"`
                }

                var user User
                if err := json.Unmarshal(data, &user); err != nil {
                    return fmt.Errorf("decode user: %w", err)
                }
                out, err := json.MarshalIndent(user, "", "  ")
                """),
        CodePattern(
            .go, .errorHandling, "Wrap errors with %w and check with errors.Is/As",
            keywords: ["errors", "wrap", "sentinel"], signal: #"errors\.(Is|As|New)|fmt\.Errorf"#,
            code: """
                var ErrNotFound = errors.New("not found")

                func (s *Store) User(id int) (User, error) {
                    u, ok := s.users[id]
                    if !ok {
                        return User{}, fmt.Errorf("user %d: %w", id, ErrNotFound)
                    }
                    return u, nil
                }

                if errors.Is(err, ErrNotFound) { /* 404 */ }
                """),
        CodePattern(
            .go, .concurrency, "Goroutines with errgroup and context",
            keywords: ["goroutine", "errgroup", "waitgroup", "channel", "mutex"],
            signal: #"go func|sync\.(WaitGroup|Mutex)|errgroup|make\(chan"#,
            code: """
                g, ctx := errgroup.WithContext(ctx)
                results := make([]string, len(urls))
                for i, url := range urls {
                    g.Go(func() error {
                        page, err := fetch(ctx, url)
                        results[i] = page // each goroutine writes its own index
                        return err
                    })
                }
                if err := g.Wait(); err != nil { return nil, err }
                """),
        CodePattern(
            .go, .testing, "Table-driven tests with subtests", keywords: ["testing", "table", "t.run"],
            signal: #"func Test\w+\(t \*testing\.T\)"#,
            code: """
                func TestSquare(t *testing.T) {
                    tests := []struct {
                        name string
                        in   int
                        want int
                    }{
                        {"zero", 0, 0},
                        {"positive", 3, 9},
                        {"negative", -2, 4},
                    }
                    for _, tt := range tests {
                        t.Run(tt.name, func(t *testing.T) {
                            if got := Square(tt.in); got != tt.want {
                                t.Errorf("Square(%d) = %d, want %d", tt.in, got, tt.want)
                            }
                        })
                    }
                }
                """),
        CodePattern(
            .go, .cliArguments, "Flags with the flag package", keywords: ["flag", "cobra", "os.args"],
            signal: #"flag\.(String|Int|Bool|Parse)|os\.Args"#,
            code: """
                width := flag.Int("width", 800, "target width")
                verbose := flag.Bool("v", false, "verbose output")
                flag.Parse()
                for _, path := range flag.Args() {
                    if err := resize(path, *width, *verbose); err != nil {
                        log.Fatal(err)
                    }
                }
                """),
        CodePattern(
            .go, .logging, "Structured logging with log/slog", keywords: ["slog", "log"],
            signal: #"slog\.|log\.(Printf|Println|Fatal)"#,
            code: """
                logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
                logger.Info("importing", "count", len(files))
                logger.Error("import failed", "err", err)
                """),
        CodePattern(
            .go, .regex, "Compile regexps once at package level", keywords: ["regexp", "mustcompile"],
            signal: #"regexp\.(MustCompile|Compile|MatchString)"#,
            code: """
                var logLine = regexp.MustCompile(`^(?P<level>INFO|WARN|ERROR) (?P<message>.*)$`)

                if m := logLine.FindStringSubmatch(line); m != nil {
                    level, message := m[logLine.SubexpIndex("level")], m[logLine.SubexpIndex("message")]
                    _ = level; _ = message
                }
                """),
        CodePattern(
            .go, .dates, "time.Time, durations and RFC 3339", keywords: ["time", "rfc3339", "duration"],
            signal: #"time\.(Now|Parse|Since|Duration)"#,
            code: """
                now := time.Now().UTC()
                stamp := now.Format(time.RFC3339)
                parsed, err := time.Parse(time.RFC3339, "2024-05-01T12:00:00Z")
                deadline := now.Add(7 * 24 * time.Hour)
                elapsed := time.Since(start)
                """),
        CodePattern(
            .go, .subprocess, "exec.CommandContext with a timeout", keywords: ["os/exec", "command"],
            signal: #"exec\.Command"#,
            code: """
                ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
                defer cancel()
                out, err := exec.CommandContext(ctx, "git", "status", "--short").Output()
                if err != nil {
                    return nil, fmt.Errorf("git status: %w", err)
                }
                changed := strings.Split(strings.TrimSpace(string(out)), "\\n")
                """),
    ]
}
