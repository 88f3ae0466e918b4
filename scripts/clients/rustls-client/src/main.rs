//! A rustls client with its default crypto provider and default protocol versions; only the
//! certificate verifier is replaced (it accepts anything), which does not change the
//! ClientHello. Usage: rustls-client PORT
use std::io::Write;
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, ClientConnection, DigitallySignedStruct, SignatureScheme, Stream};

#[derive(Debug)]
struct AcceptAny(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAny {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(m, c, d, &self.0.signature_verification_algorithms)
    }
    fn verify_tls13_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(m, c, d, &self.0.signature_verification_algorithms)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

fn main() {
    let port = std::env::args().nth(1).unwrap_or_default();
    let provider = CryptoProvider::get_default()
        .cloned()
        .unwrap_or_else(|| Arc::new(rustls::crypto::aws_lc_rs::default_provider()));
    let config = ClientConfig::builder()
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AcceptAny(provider)))
        .with_no_client_auth();
    let name = ServerName::try_from("127.0.0.1").map(|n| n.to_owned());
    let (Ok(name), Ok(mut sock)) = (name, TcpStream::connect(format!("127.0.0.1:{port}"))) else {
        println!("failed: cannot connect to 127.0.0.1:{port}");
        std::process::exit(1);
    };
    let _ = sock.set_read_timeout(Some(Duration::from_secs(10)));
    let mut conn = match ClientConnection::new(Arc::new(config), name) {
        Ok(c) => c,
        Err(e) => {
            println!("failed {e}");
            std::process::exit(1);
        }
    };
    let mut tls = Stream::new(&mut conn, &mut sock);
    if let Err(e) = tls
        .write_all(b"GET / HTTP/1.0\r\n\r\n")
        .and_then(|_| tls.flush())
    {
        println!("failed {e}");
        std::process::exit(1);
    }
    let version = conn.protocol_version().map(|v| format!("{v:?}"));
    let suite = conn
        .negotiated_cipher_suite()
        .map(|s| format!("{:?}", s.suite()));
    println!("connected {version:?} {suite:?}");
}
