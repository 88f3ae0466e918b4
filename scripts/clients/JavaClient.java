// Java client for scripts/capture-clienthello.py: an SSLSocket from the default JSSE
// provider with its default protocols, suites and java.security policy; only the trust
// manager is replaced (certificate checks do not change the ClientHello).
// Usage: java JavaClient.java PORT
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

public class JavaClient {
    public static void main(String[] args) throws Exception {
        TrustManager[] trustAll = {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}
            public void checkServerTrusted(X509Certificate[] c, String a) {}
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }};
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trustAll, null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", Integer.parseInt(args[0]))) {
            s.setSoTimeout(10000);
            s.startHandshake();
            System.out.println("connected " + s.getSession().getProtocol() + " " + s.getSession().getCipherSuite());
        } catch (Exception e) {
            System.out.println("failed " + e);
            System.exit(1);
        }
    }
}
