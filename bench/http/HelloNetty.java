import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Netty's HTTP server (NIO transport) with the trivial handler of HelloJdk: aggregates the
 * request's body and answers a short JSON, on THREADS event-loop threads.
 * Usage: java -cp NETTY_JARS bench/http/HelloNetty.java PORT THREADS
 */
public final class HelloNetty {

    public static void main(String[] args) throws Exception {
        byte[] answer = "{\"status\":\"Healthy\"}".getBytes(StandardCharsets.UTF_8);
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(Integer.parseInt(args[1]));
        new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(),
                                new HttpObjectAggregator(5 << 20),
                                new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext context,
                                            FullHttpRequest request) {
                                        FullHttpResponse response = new DefaultFullHttpResponse(
                                                HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                                                Unpooled.wrappedBuffer(answer));
                                        response.headers()
                                                .set(HttpHeaderNames.CONTENT_TYPE,
                                                        "application/json")
                                                .setInt(HttpHeaderNames.CONTENT_LENGTH,
                                                        answer.length);
                                        HttpUtil.setKeepAlive(response,
                                                HttpUtil.isKeepAlive(request));
                                        context.writeAndFlush(response);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext context,
                                            Throwable cause) {
                                        context.close();  // wrk resets its connections at the end
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", Integer.parseInt(args[0])).sync();
        System.out.println("listening on " + args[0]);
    }
}
