" The Spark chat panel: Markdown, with the transcript's own lines marked.
if exists('b:current_syntax')
  finish
endif
runtime! syntax/markdown.vim
unlet! b:current_syntax

syntax match sparkchatRequest /^you: .*$/
syntax match sparkchatAgent /^\w\+: /
syntax match sparkchatTool /^  [▸▾] .*$/
syntax match sparkchatToolDetail /^    │ .*$/
syntax match sparkchatHandoff /^  ⇄ .*$/
syntax match sparkchatCitation /^  \[\d\+\] .*$/
syntax match sparkchatEdit /^  ✎ .*$/
syntax match sparkchatError /^  ! .*$/
syntax match sparkchatDone /^  ✓ .*$/
syntax match sparkchatNote /^  \((context\|--\|▣\) .*$/
syntax match sparkchatPrompt /^> /

highlight default link sparkchatRequest Title
highlight default link sparkchatAgent Identifier
highlight default link sparkchatTool Special
highlight default link sparkchatToolDetail Comment
highlight default link sparkchatHandoff Type
highlight default link sparkchatCitation Underlined
highlight default link sparkchatEdit Constant
highlight default link sparkchatError ErrorMsg
highlight default link sparkchatDone String
highlight default link sparkchatNote Comment
highlight default link sparkchatPrompt Question

let b:current_syntax = 'sparkchat'
