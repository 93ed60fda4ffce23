//! The HTTP side of `gongkai serve`: hyper's HTTP/1.1 server on a small tokio runtime, with an
//! accept loop that caps connections per client and in all, a fixed deadline per connection,
//! and the `Host` check, in front of the GET/HEAD handler `respond` of the parent module.
//!
//! In: a bound std listener, the [`Limits`] and [`Hosts`], and the state shared with the
//! watcher. Out: responses until the process ends. Request-line and header parsing, their size
//! limits and the header-read timer are hyper's (issue 15: they were written by hand and the
//! timeout restarted on every byte); this module never parses a request itself.

use std::convert::Infallible;
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderName, HeaderValue};
use hyper::{Method as HttpMethod, Request, Version};
use hyper_util::rt::{TokioIo, TokioTimer};

use super::Shared;
use super::http::Response;
use super::limits::{Clients, Hosts, Limits};

/// Longest request head read (request line and headers), in bytes; hyper answers 431 beyond.
const MAX_HEAD: usize = 16 * 1024;

/// Threads that read files for responses, so that a slow disk never stops the accept loop.
const FILE_THREADS: usize = 4;

/// A listener ready to serve: its runtime and its tokio form.
#[derive(Debug)]
pub(super) struct Listener {
    runtime: tokio::runtime::Runtime,
    listener: tokio::net::TcpListener,
}

impl Listener {
    /// Starts the runtime and hands `listener` to it.
    pub(super) fn new(listener: TcpListener) -> std::io::Result<Listener> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .max_blocking_threads(FILE_THREADS)
            .build()?;
        listener.set_nonblocking(true)?;
        let listener = {
            let _context = runtime.enter();
            tokio::net::TcpListener::from_std(listener)?
        };
        Ok(Listener { runtime, listener })
    }

    /// Serves until the process ends.
    pub(super) fn run(self, shared: Arc<Shared>, hosts: Hosts, limits: Limits) {
        let Listener { runtime, listener } = self;
        runtime.block_on(accept(listener, shared, Arc::new(hosts), limits));
    }
}

/// Accepts connections and answers each admitted one in its own task.
async fn accept(
    listener: tokio::net::TcpListener,
    shared: Arc<Shared>,
    hosts: Arc<Hosts>,
    limits: Limits,
) {
    let clients = Clients::new(limits);
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(_) => {
                // Out of file descriptors, most likely: wait instead of spinning.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Some(permit) = clients.admit(peer.ip()) else {
            // One try on a fresh socket, whose send buffer is empty: never waits.
            let _ = stream.try_write(busy().as_bytes());
            continue;
        };
        let shared = Arc::clone(&shared);
        let hosts = Arc::clone(&hosts);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let shared = Arc::clone(&shared);
                let hosts = Arc::clone(&hosts);
                async move { Ok::<_, Infallible>(answer(req, shared, &hosts).await) }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.deadline)
                .keep_alive(false)
                .max_buf_size(MAX_HEAD)
                .serve_connection(TokioIo::new(stream), service);
            // The header timer ends a slow request; this ends any exchange still going after
            // three deadlines (a client that stops reading the response). Neither restarts on
            // a byte received or sent.
            let _ = tokio::time::timeout(limits.deadline * 3, connection).await;
            drop(permit);
        });
    }
}

/// The response to one request: 403 for a foreign `Host` (or two of them), 405 for another
/// method, 400 for an absolute-form target, else what `respond` finds.
async fn answer(
    req: Request<Incoming>,
    shared: Arc<Shared>,
    hosts: &Hosts,
) -> hyper::Response<Full<Bytes>> {
    let mut sent = req.headers().get_all(header::HOST).iter();
    let host = sent.next().map(HeaderValue::as_bytes);
    if sent.next().is_some() || !hosts.allows(host, req.version() == Version::HTTP_11) {
        let text = format!(
            "403 拒绝访问：请求的主机名不是本机预览地址。请在浏览器中打开 http://{}/\n",
            hosts.suggested()
        );
        return to_hyper(Response::text(403, &text));
    }
    if req.method() != HttpMethod::GET && req.method() != HttpMethod::HEAD {
        let mut r = Response::text(405, "405 只支持 GET 和 HEAD\n");
        r.headers.push(("Allow", "GET, HEAD".to_owned()));
        return to_hyper(r);
    }
    // `GET http://other/ HTTP/1.1` names a host of its own, past the `Host` check: refused.
    let target = match req.uri().path_and_query() {
        Some(target) if req.uri().authority().is_none() => target.as_str().to_owned(),
        _ => return to_hyper(Response::text(400, "400 请求格式错误\n")),
    };
    let response = tokio::task::spawn_blocking(move || super::respond(&shared, &target)).await;
    to_hyper(response.unwrap_or_else(|_| Response::text(500, "500 服务器内部错误\n")))
}

/// The whole answer to a connection over the caps, written without reading the request.
fn busy() -> String {
    let text = "503 连接过多，请稍后再试\n";
    format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{text}",
        text.len()
    )
}

/// The hyper form of a response; hyper adds Content-Length and `Connection: close`, and
/// leaves the body out for HEAD.
fn to_hyper(response: Response) -> hyper::Response<Full<Bytes>> {
    let mut out = hyper::Response::new(Full::new(Bytes::from(response.body)));
    *out.status_mut() = hyper::StatusCode::from_u16(response.status)
        .unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let headers = out.headers_mut();
    for (name, value) in response.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            headers.append(name, value);
        }
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    out
}
