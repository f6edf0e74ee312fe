enum _PlaceholderBPDocument {}
