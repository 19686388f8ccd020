import Testing

/// Every image suite, one at a time: they start ImageMagick, exiftool and Tesseract and stop scripted servers, and
/// run alongside each other those processes were seen to die of SIGPIPE or fail silently (cause not found yet).
@Suite(.serialized) struct ImageAgentTests {}
