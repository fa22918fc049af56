"""git as the history log: the adapter, commit messages and the story, diffs, summaries."""
