/*
 * Runs StanfordCoreNLPServer bound to the loopback interface only.
 *
 * CoreNLP's server has no host option: it creates its HTTP server with `new InetSocketAddress(port)`, the wildcard
 * address, so it would answer on every interface of the machine. This launcher installs an HttpServerProvider that
 * turns a wildcard bind address into the loopback address (same port) before CoreNLP creates its server, then hands
 * over to CoreNLP's own main method with the arguments unchanged. It refuses to run rather than bind elsewhere.
 *
 * Run as a single-file source program (no build step), with CoreNLP's jars on the class path:
 *   java --add-opens jdk.httpserver/com.sun.net.httpserver.spi=ALL-UNNAMED -cp <corenlp jars> LoopbackServer.java -port 9000 ...
 * (--add-opens: the JDK keeps the chosen provider in a private static field; a provider named by the
 * com.sun.net.httpserver.HttpServerProvider property would have to be a compiled class on the class path.)
 */
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import edu.stanford.nlp.pipeline.StanfordCoreNLPServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;

public class LoopbackServer {
  public static void main(String[] args) throws Exception {
    HttpServerProvider platform = HttpServerProvider.provider();
    Field chosen = HttpServerProvider.class.getDeclaredField("provider");
    chosen.setAccessible(true);
    chosen.set(null, new LoopbackProvider(platform));
    if (!(HttpServerProvider.provider() instanceof LoopbackProvider)) {
      System.err.println("LoopbackServer: could not install the loopback HTTP server provider; refusing to start.");
      System.exit(3);
    }
    StanfordCoreNLPServer server = StanfordCoreNLPServer.launchServer(args);
    InetSocketAddress bound = server.getServer().map(HttpServer::getAddress).orElse(null);
    if (bound == null || !bound.getAddress().isLoopbackAddress()) {
      // CoreNLP logs a failed bind (port taken) and carries on without a server: exit so the caller sees it
      System.err.println("LoopbackServer: the CoreNLP server is not listening on the loopback interface (" + bound + "); exiting.");
      System.exit(4);
    }
    System.err.println("LoopbackServer: listening on " + bound);
  }

  /** Delegates to the platform provider, with a wildcard bind address replaced by the loopback address. */
  static final class LoopbackProvider extends HttpServerProvider {
    private final HttpServerProvider platform;

    LoopbackProvider(HttpServerProvider platform) {
      this.platform = platform;
    }

    private static InetSocketAddress loopback(InetSocketAddress address) {
      if (address == null || !address.getAddress().isAnyLocalAddress()) return address;
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), address.getPort());
    }

    @Override
    public HttpServer createHttpServer(InetSocketAddress address, int backlog) throws IOException {
      return platform.createHttpServer(loopback(address), backlog);
    }

    @Override
    public HttpsServer createHttpsServer(InetSocketAddress address, int backlog) throws IOException {
      return platform.createHttpsServer(loopback(address), backlog);
    }
  }
}
