// The widget's PBKDF2 solver, bundled as a worker chunk under /_next/static: the strict CSP
// allows workers from our origin only (worker-src 'self'), not the blob: workers of the
// package's all-in-one build. The file registers its own message handler.
import "altcha/workers/pbkdf2";
