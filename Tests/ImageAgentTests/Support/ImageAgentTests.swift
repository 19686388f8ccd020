import Testing

/// Every image suite. They run alongside each other and alongside the rest of the tests: each starts
/// ImageMagick, exiftool and Tesseract and stops a scripted server (`ConcurrentCallsTests` checks that this is safe).
@Suite struct ImageAgentTests {}
