package io.fieldsync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP hop between the connector and a database, to take the database away mid-run:
 * {@link #cut()} closes every open connection and refuses new ones, as a database that went down
 * does; {@link #restore()} takes connections again on the same port.
 * <pre>
 * TcpProxy proxy = TcpProxy.to("127.0.0.1", 3306);   // JDBC URL: 127.0.0.1:proxy.port()
 * proxy.cut();  ...  proxy.restore();
 * </pre>
 * In front of an HTTP server (a connector's Xero) it also tells which requests went through it
 * ({@link #httpRequests()}), so a test can tell one node's calls from another's.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private volatile boolean closed;
    private volatile boolean stalled;
    /** Fragments of the next query to stall on, or null. */
    private volatile List<String> stallOn;
    /** Server sides of the connections whose answers are held. */
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    /** The request lines of the HTTP requests passed upstream, in order. */
    private final List<HttpRequest> httpRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.util.regex.Pattern REQUEST_LINE =
            java.util.regex.Pattern.compile("^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS) (\\S+) HTTP/1\\.[01]\r\n");

    /** An HTTP request as it went upstream: when, and its request line ("PUT /api.xro/2.0/Payments?..."). */
    public record HttpRequest(java.time.Instant at, String method, String target) {
    }

    private TcpProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    public static TcpProxy to(String host, int port) {
        try {
            return new TcpProxy(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("no local port for a proxy", e);
        }
    }

    public int port() {
        return port;
    }

    /** The database is gone: open connections end at once, new ones are refused. */
    public synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        for (Socket socket : List.copyOf(open)) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /**
     * A half-open connection, as after a fail-over: connections stay open and new ones are taken,
     * but nothing passes either way, so a query waits for an answer that never comes.
     */
    public void stall() {
        stalled = true;
    }

    /**
     * A half-open connection in the middle of a query: the next request sent through the proxy
     * that contains every one of {@code fragments} (e.g. the text of a SQL query) reaches the
     * database, but its connection's answers never come back. Other connections work on.
     */
    public void stallOnQuery(String... fragments) {
        stallOn = List.of(fragments);
    }

    /** Whether {@link #stallOnQuery} has caught its query. */
    public boolean stalledAQuery() {
        return stallOn == null && !held.isEmpty();
    }

    /** The database is back on the same port (and answers again after {@link #stall()}). */
    public synchronized void restore() {
        stalled = false;
        stallOn = null;
        held.clear();
        if (listener != null) {
            return;
        }
        try {
            listener = listen(port);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " could not be taken again", e);
        }
        accept(listener);
    }

    /**
     * The HTTP requests that went upstream through this proxy (recognised by the request line a
     * request starts with: plain HTTP/1.1, one request at a time per connection).
     */
    public List<HttpRequest> httpRequests() {
        return List.copyOf(httpRequests);
    }

    public synchronized boolean isCut() {
        return listener == null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true); // restore() binds the port again while old connections linger in TIME_WAIT
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    connect(client);
                } catch (IOException stoppedListening) {
                    return;
                }
            }
        }, "tcp-proxy-" + port + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(upstream, 5000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        synchronized (this) {
            if (closed || listener == null) { // cut while this one was connecting
                closeQuietly(client);
                closeQuietly(server);
                return;
            }
            open.add(client);
            open.add(server);
        }
        pump(client, server, server, "up");
        pump(server, client, server, "down");
    }

    private void pump(Socket from, Socket to, Socket serverSide, String direction) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (direction.equals("up")) {
                        java.util.regex.Matcher request = REQUEST_LINE.matcher(
                                new String(buffer, 0, Math.min(n, 2048), java.nio.charset.StandardCharsets.ISO_8859_1));
                        if (request.find()) {
                            httpRequests.add(new HttpRequest(java.time.Instant.now(), request.group(1), request.group(2)));
                        }
                    }
                    List<String> fragments = stallOn;
                    if (fragments != null && direction.equals("up")) {
                        String sent = new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
                        if (fragments.stream().allMatch(sent::contains)) {
                            held.add(serverSide);
                            stallOn = null;
                        }
                    }
                    while ((stalled || (direction.equals("down") && held.contains(serverSide))) && !from.isClosed() && !to.isClosed()) {
                        Thread.sleep(20); // held, not lost: what a stalled link delivers once it moves again
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ended) {
                // cut, or one side closed
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-" + port + "-" + direction);
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            if (closeable instanceof Socket socket && !socket.isClosed()) {
                try {
                    socket.setSoLinger(true, 0); // a reset, as from a host that went away, not a polite goodbye
                } catch (SocketException alreadyGone) {
                    // closing anyway
                }
            }
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
